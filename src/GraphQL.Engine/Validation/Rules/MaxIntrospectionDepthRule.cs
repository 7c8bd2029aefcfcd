using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>
/// Not in the spec; graphql-js's guard against introspection queries nested deep enough to
/// be a denial of service: at most three levels of the list fields of <c>__Type</c>.
/// </summary>
public sealed class MaxIntrospectionDepthRule(ValidationContext context) : ValidationRule(context)
{
    private const int MaxListsDepth = 3;

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
            if (visitedFragments.Contains(name) || Context.GetFragment(name) is not { } fragment)
            {
                return false;
            }

            visitedFragments.Add(name);
            try
            {
                return ExceedsDepth(fragment, visitedFragments, depth);
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
