using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>
/// Not in the spec; graphql-js's guard against introspection queries nested deep enough to
/// be a denial of service: at most three levels of the list fields of <c>__Type</c>.
/// Each fragment is looked into once per list depth it is spread at, and the answer reused:
/// following every spread afresh is exponential in fragments that spread the next twice.
/// </summary>
public sealed class MaxIntrospectionDepthRule(ValidationContext context) : ValidationRule(context)
{
    private const int MaxListsDepth = 3;

    private readonly Dictionary<(string Fragment, int Depth), bool> _fragmentExceeds = [];

    public override bool Enter(SyntaxNode node)
    {
        if (node is FieldNode { Name.Value: "__schema" or "__type" } field &&
            ExceedsDepth(field, new HashSet<string>(StringComparer.Ordinal), 0))
        {
            Report("Maximum introspection depth exceeded", field);
            return false;
        }

        return true;
    }

    private bool ExceedsDepth(SyntaxNode node, HashSet<string> visitedFragments, int depth)
    {
        if (node is FragmentSpreadNode spread)
        {
            var name = spread.Name.Value;
            if (_fragmentExceeds.TryGetValue((name, depth), out var known))
            {
                return known;
            }

            if (visitedFragments.Contains(name) || Context.GetFragment(name) is not { } fragment)
            {
                return false;
            }

            Context.CancellationToken.ThrowIfCancellationRequested();
            visitedFragments.Add(name);
            try
            {
                var exceeds = ExceedsDepth(fragment, visitedFragments, depth);
                _fragmentExceeds[(name, depth)] = exceeds;
                return exceeds;
            }
            finally
            {
                visitedFragments.Remove(name);
            }
        }

        if (node is FieldNode { Name.Value: "fields" or "interfaces" or "possibleTypes" or "inputFields" } && ++depth >= MaxListsDepth)
        {
            return true;
        }

        var selectionSet = node switch
        {
            FieldNode f => f.SelectionSet,
            InlineFragmentNode i => i.SelectionSet,
            FragmentDefinitionNode d => d.SelectionSet,
            _ => null,
        };
        if (selectionSet is not null)
        {
            foreach (var child in selectionSet.Selections)
            {
                if (ExceedsDepth(child, visitedFragments, depth))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
