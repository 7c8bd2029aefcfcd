using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.3.3 Leaf Field Selections: leaves have no selection set, everything else must have one.</summary>
public sealed class ScalarLeafsRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is not FieldNode field || Context.Type is not { } type)
        {
            return true;
        }

        var name = field.Name.Value;
        if (type.Named.IsLeafType)
        {
            if (field.SelectionSet is not null)
            {
                Report($"Field \"{name}\" must not have a selection since type \"{type}\" has no subfields.", field.SelectionSet);
            }
        }
        else if (field.SelectionSet is null)
        {
            Report($"Field \"{name}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{name} {{ ... }}\"?", field);
        }

        return true;
    }
}
