using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>
/// Spec 5.8.5 All Variable Usages Are Allowed: a variable's type must fit where it is used
/// (a nullable variable may feed a non-null position only through a default value), and a
/// field of a @oneOf input object only takes non-null variables.
/// </summary>
public sealed class VariablesInAllowedPositionRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is not OperationDefinitionNode operation)
        {
            return node is DocumentNode;
        }

        var definitions = new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            definitions.TryAdd(definition.Variable.Name.Value, definition);
        }

        foreach (var usage in Context.GetRecursiveVariableUsages(operation))
        {
            var name = usage.Node.Name.Value;
            if (!definitions.TryGetValue(name, out var definition) || usage.Type is null)
            {
                continue;
            }

            var variableType = Context.TypeInfo.TypeFromAst(definition.Type);
            if (variableType is null)
            {
                continue;
            }

            if (!IsAllowed(variableType, definition.DefaultValue, usage.Type, usage.DefaultValue))
            {
                Report(
                    $"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{usage.Type}\".",
                    definition, usage.Node);
            }
            else if (usage.ParentType is InputObjectType { IsOneOf: true } oneOf && variableType is not NonNullType)
            {
                Report(
                    $"Variable \"${name}\" is of type \"{variableType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf.Name}\".",
                    definition, usage.Node);
            }
        }

        return false;
    }

    private bool IsAllowed(GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, ValueNode? locationDefault)
    {
        if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
        {
            var hasNonNullVariableDefault = variableDefault is not null and not NullValueNode;
            if (!hasNonNullVariableDefault && locationDefault is null)
            {
                return false;
            }

            return TypeComparators.IsTypeSubTypeOf(Context.Schema, variableType, nonNullLocation.OfType);
        }

        return TypeComparators.IsTypeSubTypeOf(Context.Schema, variableType, locationType);
    }
}
