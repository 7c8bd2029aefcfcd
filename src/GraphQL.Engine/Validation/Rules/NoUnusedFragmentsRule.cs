using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.5.1.4 Fragments Must Be Used: every fragment is used by some operation.</summary>
public sealed class NoUnusedFragmentsRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node) => node is DocumentNode;

    public override void Leave(SyntaxNode node)
    {
        if (node is not DocumentNode document)
        {
            return;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is OperationDefinitionNode operation)
            {
                foreach (var fragment in Context.GetRecursivelyReferencedFragments(operation))
                {
                    used.Add(fragment.Name.Value);
                }
            }
        }

        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment && !used.Contains(fragment.Name.Value))
            {
                Report($"Fragment \"{fragment.Name.Value}\" is never used.", fragment);
            }
        }
    }
}
