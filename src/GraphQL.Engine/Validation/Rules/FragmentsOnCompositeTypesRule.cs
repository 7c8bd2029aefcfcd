using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.5.1.3 Fragments On Composite Types.</summary>
public sealed class FragmentsOnCompositeTypesRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case InlineFragmentNode { TypeCondition: { } condition }:
                if (Context.TypeInfo.TypeFromAst(condition) is { IsCompositeType: false } type)
                {
                    Report($"Fragment cannot condition on non composite type \"{type}\".", condition);
                }

                break;
            case FragmentDefinitionNode fragment:
                if (Context.TypeInfo.TypeFromAst(fragment.TypeCondition) is { IsCompositeType: false } fragmentType)
                {
                    Report(
                        $"Fragment \"{fragment.Name.Value}\" cannot condition on non composite type \"{fragmentType}\".",
                        fragment.TypeCondition);
                }

                break;
        }

        return true;
    }
}
