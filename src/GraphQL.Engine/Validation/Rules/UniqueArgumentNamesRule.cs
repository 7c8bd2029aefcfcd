using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.4.2 Argument Uniqueness, for fields and directives.</summary>
public sealed class UniqueArgumentNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case FieldNode field:
                Check(field.Arguments);
                break;
            case DirectiveNode directive:
                Check(directive.Arguments);
                break;
        }

        return true;
    }

    private void Check(IReadOnlyList<ArgumentNode> arguments)
    {
        if (arguments.Count < 2)
        {
            return;
        }

        var groups = new OrderedDictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            if (!groups.TryGetValue(argument.Name.Value, out var list))
            {
                list = [];
                groups[argument.Name.Value] = list;
            }

            list.Add(argument.Name);
        }

        foreach (var (name, nodes) in groups)
        {
            if (nodes.Count > 1)
            {
                Report($"There can be only one argument named \"{name}\".", [.. nodes]);
            }
        }
    }
}
