using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.5.1.1 Fragment Name Uniqueness.</summary>
public sealed class UniqueFragmentNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override bool Enter(SyntaxNode node)
    {
        if (node is FragmentDefinitionNode fragment)
        {
            var name = fragment.Name;
            if (_known.TryGetValue(name.Value, out var previous))
            {
                Report($"There can be only one fragment named \"{name.Value}\".", previous, name);
            }
            else
            {
                _known[name.Value] = name;
            }
        }

        return node is DocumentNode;
    }
}
