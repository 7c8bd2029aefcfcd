using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.5.2.3 Fragment spread is possible: the fragment's type and the parent type must overlap.</summary>
public sealed class PossibleFragmentSpreadsRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case InlineFragmentNode inline:
                if (Context.Type is NamedType { IsCompositeType: true } fragmentType &&
                    Context.ParentType is { IsCompositeType: true } parentType &&
                    !TypeComparators.DoTypesOverlap(Context.Schema, fragmentType, parentType))
                {
                    Report(
                        $"Fragment cannot be spread here as objects of type \"{parentType}\" can never be of type \"{fragmentType}\".",
                        inline);
                }

                break;
            case FragmentSpreadNode spread:
                var name = spread.Name.Value;
                if (Context.GetFragment(name) is { } fragment &&
                    Context.TypeInfo.TypeFromAst(fragment.TypeCondition) is NamedType { IsCompositeType: true } spreadType &&
                    Context.ParentType is { } spreadParent &&
                    !TypeComparators.DoTypesOverlap(Context.Schema, spreadType, spreadParent))
                {
                    Report(
                        $"Fragment \"{name}\" cannot be spread here as objects of type \"{spreadParent}\" can never be of type \"{spreadType}\".",
                        spread);
                }

                break;
        }

        return true;
    }
}
