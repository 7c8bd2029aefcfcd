using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.8.4 All Variables Used: by the operation or the fragments it spreads.</summary>
public sealed class NoUnusedVariablesRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is OperationDefinitionNode operation)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var usage in Context.GetRecursiveVariableUsages(operation))
            {
                used.Add(usage.Node.Name.Value);
            }

            foreach (var definition in operation.VariableDefinitions)
            {
                var name = definition.Variable.Name.Value;
                if (!used.Contains(name))
                {
                    Report(
                        operation.Name is null
                            ? $"Variable \"${name}\" is never used."
                            : $"Variable \"${name}\" is never used in operation \"{operation.Name.Value}\".",
                        definition);
                }
            }
        }

        return node is DocumentNode;
    }
}
