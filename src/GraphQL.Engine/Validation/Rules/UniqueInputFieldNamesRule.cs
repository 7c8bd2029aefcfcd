using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.6.3 Input Object Field Uniqueness.</summary>
public sealed class UniqueInputFieldNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Stack<Dictionary<string, NameNode>> _known = new();

    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case ObjectValueNode:
                _known.Push(new Dictionary<string, NameNode>(StringComparer.Ordinal));
                break;
            case ObjectFieldNode field:
                var known = _known.Peek();
                if (known.TryGetValue(field.Name.Value, out var previous))
                {
                    Report($"There can be only one input field named \"{field.Name.Value}\".", previous, field.Name);
                }
                else
                {
                    known[field.Name.Value] = field.Name;
                }

                break;
        }

        return true;
    }

    public override void Leave(SyntaxNode node)
    {
        if (node is ObjectValueNode)
        {
            _known.Pop();
        }
    }
}
