using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>Spec 6.1 GetOperation, with graphql-js's messages.</summary>
public static class OperationSelector
{
    /// <summary>The operation to run, or null with <paramref name="error"/> saying why none could be chosen.</summary>
    public static OperationDefinitionNode? Select(DocumentNode document, string? operationName, out string? error)
    {
        OperationDefinitionNode? selected = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not OperationDefinitionNode operation)
            {
                continue;
            }

            if (operationName is null)
            {
                if (selected is not null)
                {
                    error = "Must provide operation name if query contains multiple operations.";
                    return null;
                }

                selected = operation;
            }
            else if (operation.Name?.Value == operationName)
            {
                selected = operation;
                break;
            }
        }

        error = selected is not null ? null
            : operationName is null ? "Must provide an operation."
            : $"Unknown operation named \"{operationName}\".";
        return selected;
    }
}
