using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.8.1 Variable Uniqueness.</summary>
public sealed class UniqueVariableNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is OperationDefinitionNode operation && operation.VariableDefinitions.Count > 1)
        {
            var groups = new OrderedDictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
            foreach (var definition in operation.VariableDefinitions)
            {
                var name = definition.Variable.Name.Value;
                if (!groups.TryGetValue(name, out var list))
                {
                    list = [];
                    groups[name] = list;
                }

                list.Add(definition.Variable.Name);
            }

            foreach (var (name, nodes) in groups)
            {
                if (nodes.Count > 1)
                {
                    Report($"There can be only one variable named \"${name}\".", [.. nodes]);
                }
            }
        }

        return node is DocumentNode;
    }
}
