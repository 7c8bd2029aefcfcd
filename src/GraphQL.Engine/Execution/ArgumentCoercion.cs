using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// Spec 6.4.1 CoerceArgumentValues, for field and directive arguments. Validation normally
/// rules these errors out; when one happens anyway it is a field error, thrown as a
/// <see cref="GraphQLException"/> with graphql-js's words.
/// </summary>
public static class ArgumentCoercion
{
    private static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>(0);

    public static IReadOnlyDictionary<string, object?> Coerce(
        IReadOnlyDictionary<string, InputValueDefinition> definitions,
        IReadOnlyList<ArgumentNode> argumentNodes,
        IReadOnlyDictionary<string, object?>? variables)
    {
        if (definitions.Count == 0)
        {
            return None;
        }

        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions.Values)
        {
            var name = definition.Name;
            var type = definition.Type;
            ArgumentNode? argumentNode = null;
            foreach (var candidate in argumentNodes)
            {
                if (candidate.Name.Value == name)
                {
                    argumentNode = candidate;
                    break;
                }
            }

            if (argumentNode is null)
            {
                if (!ApplyDefault(definition, coerced) && type.IsNonNull)
                {
                    throw new GraphQLException($"Argument \"{name}\" of required type \"{type}\" was not provided.", ErrorCodes.BadUserInput);
                }

                continue;
            }

            var valueNode = argumentNode.Value;
            var isNull = valueNode is NullValueNode;
            if (valueNode is VariableNode variable)
            {
                var variableName = variable.Name.Value;
                if (variables is null || !variables.TryGetValue(variableName, out var variableValue))
                {
                    if (!ApplyDefault(definition, coerced) && type.IsNonNull)
                    {
                        throw new GraphQLException(
                            $"Argument \"{name}\" of required type \"{type}\" was provided the variable \"${variableName}\" which was not provided a runtime value.",
                            ErrorCodes.BadUserInput);
                    }

                    continue;
                }

                isNull = variableValue is null;
            }

            if (isNull && type.IsNonNull)
            {
                throw new GraphQLException($"Argument \"{name}\" of non-null type \"{type}\" must not be null.", ErrorCodes.BadUserInput);
            }

            var value = LiteralValues.Coerce(valueNode, type, variables);
            if (ReferenceEquals(value, LiteralValues.Invalid))
            {
                throw new GraphQLException($"Argument \"{name}\" has invalid value {Printer.Print(valueNode)}.", ErrorCodes.BadUserInput);
            }

            coerced[name] = value;
        }

        return coerced;
    }

    /// <summary>Whether the arguments contain no variables, so their coerced values can be computed once per document.</summary>
    public static bool IsConstant(IReadOnlyList<ArgumentNode> argumentNodes)
    {
        foreach (var argument in argumentNodes)
        {
            if (ContainsVariable(argument.Value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsVariable(ValueNode node)
    {
        switch (node)
        {
            case VariableNode:
                return true;
            case ListValueNode list:
                foreach (var item in list.Values)
                {
                    if (ContainsVariable(item))
                    {
                        return true;
                    }
                }

                return false;
            case ObjectValueNode obj:
                foreach (var field in obj.Fields)
                {
                    if (ContainsVariable(field.Value))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool ApplyDefault(InputValueDefinition definition, Dictionary<string, object?> coerced)
    {
        var fallback = LiteralValues.DefaultOf(definition);
        if (ReferenceEquals(fallback, LiteralValues.Invalid))
        {
            return false;
        }

        coerced[definition.Name] = fallback;
        return true;
    }
}
