using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// The runtime value of a literal in the document for an expected input type (graphql-js
/// <c>valueFromAST</c>, the literal half of spec 6.4.1 and 3.10 input coercion). Returns
/// <see cref="Invalid"/> when the literal cannot be coerced; messages are the caller's.
/// </summary>
public static class LiteralValues
{
    /// <summary>Marks "no valid value" (graphql-js's <c>undefined</c>); distinct from null.</summary>
    public static readonly object Invalid = new();

    public static object? Coerce(ValueNode node, GraphQLType type, IReadOnlyDictionary<string, object?>? variables)
    {
        if (node is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out var variableValue))
            {
                return Invalid;
            }

            // Variables were coerced already (spec 6.1.2); only null into non-null is still wrong.
            return variableValue is null && type.IsNonNull ? Invalid : variableValue;
        }

        if (type is NonNullType nonNull)
        {
            return node is NullValueNode ? Invalid : Coerce(node, nonNull.OfType, variables);
        }

        if (node is NullValueNode)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                return CoerceList(node, list.OfType, variables);
            case InputObjectType inputObject:
                return CoerceInputObject(node, inputObject, variables);
            case EnumType enumType:
                try
                {
                    return enumType.ParseLiteral(node);
                }
                catch (ValueCoercionException)
                {
                    return Invalid;
                }

            case ScalarType scalar:
                try
                {
                    var result = scalar.ParseLiteral(node, variables);
                    return ReferenceEquals(result, ScalarType.InvalidValue) ? Invalid : result;
                }
                catch (ValueCoercionException)
                {
                    return Invalid;
                }

            default:
                return Invalid;
        }
    }

    /// <summary>The coerced default of an argument or input field; <see cref="Invalid"/> when it has none.</summary>
    public static object? DefaultOf(InputValueDefinition definition) =>
        definition.DefaultValue is { } literal ? Coerce(literal, definition.Type, null) : Invalid;

    private static object? CoerceList(ValueNode node, GraphQLType itemType, IReadOnlyDictionary<string, object?>? variables)
    {
        if (node is not ListValueNode listNode)
        {
            // A single value where a list is expected is a list of one (spec 3.11 input coercion).
            var single = Coerce(node, itemType, variables);
            return ReferenceEquals(single, Invalid) ? Invalid : new List<object?>(1) { single };
        }

        var items = new List<object?>(listNode.Values.Count);
        foreach (var itemNode in listNode.Values)
        {
            if (IsMissingVariable(itemNode, variables))
            {
                if (itemType.IsNonNull)
                {
                    return Invalid;
                }

                items.Add(null);
                continue;
            }

            var item = Coerce(itemNode, itemType, variables);
            if (ReferenceEquals(item, Invalid))
            {
                return Invalid;
            }

            items.Add(item);
        }

        return items;
    }

    private static object? CoerceInputObject(ValueNode node, InputObjectType type, IReadOnlyDictionary<string, object?>? variables)
    {
        if (node is not ObjectValueNode objectNode)
        {
            return Invalid;
        }

        var coerced = new Dictionary<string, object?>(type.Fields.Count, StringComparer.Ordinal);
        foreach (var field in type.Fields.Values)
        {
            ObjectFieldNode? fieldNode = null;
            foreach (var candidate in objectNode.Fields)
            {
                if (candidate.Name.Value == field.Name)
                {
                    fieldNode = candidate;
                    break;
                }
            }

            if (fieldNode is null || IsMissingVariable(fieldNode.Value, variables))
            {
                var fallback = DefaultOf(field);
                if (!ReferenceEquals(fallback, Invalid))
                {
                    coerced[field.Name] = fallback;
                }
                else if (field.Type.IsNonNull)
                {
                    return Invalid;
                }

                continue;
            }

            var value = Coerce(fieldNode.Value, field.Type, variables);
            if (ReferenceEquals(value, Invalid))
            {
                return Invalid;
            }

            coerced[field.Name] = value;
        }

        if (type.IsOneOf)
        {
            if (coerced.Count != 1)
            {
                return Invalid;
            }

            foreach (var value in coerced.Values)
            {
                if (value is null)
                {
                    return Invalid;
                }
            }
        }

        return coerced;
    }

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables) =>
        node is VariableNode variable && (variables is null || !variables.ContainsKey(variable.Name.Value));
}
