using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.2.2.1 Lone Anonymous Operation: an anonymous operation must be the only operation.</summary>
public sealed class LoneAnonymousOperationRule(ValidationContext context) : ValidationRule(context)
{
    private int _operationCount;

    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case DocumentNode document:
                foreach (var definition in document.Definitions)
                {
                    if (definition is OperationDefinitionNode)
                    {
                        _operationCount++;
                    }
                }

                return true;
            case OperationDefinitionNode { Name: null } operation when _operationCount > 1:
                Report("This anonymous operation must be the only defined operation.", operation);
                return false;
            default:
                return false;
        }
    }
}
