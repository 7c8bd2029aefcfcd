using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.8.3 All Variable Uses Defined: including uses inside the fragments an operation spreads.</summary>
public sealed class NoUndefinedVariablesRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is OperationDefinitionNode operation)
        {
            var defined = new HashSet<string>(StringComparer.Ordinal);
            foreach (var definition in operation.VariableDefinitions)
            {
                defined.Add(definition.Variable.Name.Value);
            }

            foreach (var usage in Context.GetRecursiveVariableUsages(operation))
            {
                var name = usage.Node.Name.Value;
                if (!defined.Contains(name))
                {
                    Report(
                        operation.Name is null
                            ? $"Variable \"${name}\" is not defined."
                            : $"Variable \"${name}\" is not defined by operation \"{operation.Name.Value}\".",
                        usage.Node, operation);
                }
            }
        }

        return node is DocumentNode;
    }
}
