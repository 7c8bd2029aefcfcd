using System.Collections;
using System.Text;
using System.Text.Json;
using InclusionNetwork.GraphQL.Engine.Types;
using InclusionNetwork.GraphQL.Engine.Utilities;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// Coerces a runtime input value (a variable's JSON or CLR value) to an input type (spec 3.10,
/// 3.11, 3.12 input coercion; graphql-js <c>coerceInputValue</c>). Each problem is reported
/// with the path inside the value, so the caller can word it as graphql-js does.
/// </summary>
internal static class InputValueCoercion
{
    public delegate void ErrorReporter(IReadOnlyList<object> path, object? invalidValue, string message);

    public static object? Coerce(object? input, GraphQLType type, ErrorReporter onError) =>
        Coerce(Unwrap(input), type, onError, []);

    private static object? Coerce(object? input, GraphQLType type, ErrorReporter onError, List<object> path)
    {
        if (type is NonNullType nonNull)
        {
            if (input is not null)
            {
                return Coerce(input, nonNull.OfType, onError, path);
            }

            onError([.. path], input, $"Expected non-nullable type \"{type}\" not to be null.");
            return LiteralValues.Invalid;
        }

        if (input is null)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (TryEnumerate(input, out var items))
                {
                    var coerced = new List<object?>();
                    var index = 0;
                    foreach (var item in items)
                    {
                        path.Add(index);
                        coerced.Add(Coerce(Unwrap(item), list.OfType, onError, path));
                        path.RemoveAt(path.Count - 1);
                        index++;
                    }

                    return coerced;
                }

                return new List<object?>(1) { Coerce(input, list.OfType, onError, path) };
            case InputObjectType inputObject:
                return CoerceInputObject(input, inputObject, onError, path);
            case EnumType enumType:
                try
                {
                    return enumType.ParseValue(input);
                }
                catch (ValueCoercionException e)
                {
                    onError([.. path], input, e.Message);
                    return LiteralValues.Invalid;
                }

            case ScalarType scalar:
                try
                {
                    var parsed = scalar.ParseValue(input);
                    if (ReferenceEquals(parsed, ScalarType.InvalidValue))
                    {
                        onError([.. path], input, $"Expected type \"{scalar.Name}\".");
                        return LiteralValues.Invalid;
                    }

                    return parsed;
                }
                catch (ValueCoercionException e)
                {
                    onError([.. path], input, e.Message);
                    return LiteralValues.Invalid;
                }

            default:
                onError([.. path], input, $"Expected type \"{type}\" to be an input type.");
                return LiteralValues.Invalid;
        }
    }

    private static object? CoerceInputObject(object input, InputObjectType type, ErrorReporter onError, List<object> path)
    {
        if (!TryReadObject(input, out var fields))
        {
            onError([.. path], input, $"Expected type \"{type.Name}\" to be an object.");
            return LiteralValues.Invalid;
        }

        var coerced = new Dictionary<string, object?>(type.Fields.Count, StringComparer.Ordinal);
        foreach (var field in type.Fields.Values)
        {
            if (!fields.TryGetValue(field.Name, out var fieldValue))
            {
                var fallback = LiteralValues.DefaultOf(field);
                if (!ReferenceEquals(fallback, LiteralValues.Invalid))
                {
                    coerced[field.Name] = fallback;
                }
                else if (field.Type.IsNonNull)
                {
                    onError([.. path], input, $"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided.");
                }

                continue;
            }

            path.Add(field.Name);
            coerced[field.Name] = Coerce(fieldValue, field.Type, onError, path);
            path.RemoveAt(path.Count - 1);
        }

        foreach (var name in fields.Keys)
        {
            if (type.GetField(name) is null)
            {
                var suggestions = SuggestionList.For(name, type.Fields.Keys);
                onError([.. path], input, $"Field \"{name}\" is not defined by type \"{type.Name}\"." + DidYouMean.Format(suggestions));
            }
        }

        if (type.IsOneOf)
        {
            if (coerced.Count != 1)
            {
                onError([.. path], input, $"Exactly one key must be specified for OneOf type \"{type.Name}\".");
            }
            else
            {
                foreach (var (key, value) in coerced)
                {
                    if (value is null)
                    {
                        path.Add(key);
                        onError([.. path], value, $"Field \"{key}\" must be non-null.");
                        path.RemoveAt(path.Count - 1);
                    }
                }
            }
        }

        return coerced;
    }

    /// <summary>JSON null becomes null; other JSON stays as it is for the leaf types to read.</summary>
    private static object? Unwrap(object? value) =>
        value is JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } ? null : value;

    private static bool TryEnumerate(object input, out IEnumerable<object?> items)
    {
        switch (input)
        {
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                items = EnumerateJson(array);
                return true;
            case string or JsonElement or IDictionary:
                items = [];
                return false;
            case IEnumerable sequence when input is not IEnumerable<KeyValuePair<string, object?>>:
                items = sequence.Cast<object?>();
                return true;
            default:
                items = [];
                return false;
        }
    }

    private static IEnumerable<object?> EnumerateJson(JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
        {
            yield return item;
        }
    }

    private static bool TryReadObject(object input, out Dictionary<string, object?> fields)
    {
        fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        switch (input)
        {
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                foreach (var property in element.EnumerateObject())
                {
                    fields[property.Name] = Unwrap(property.Value);
                }

                return true;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                foreach (var (key, value) in pairs)
                {
                    fields[key] = Unwrap(value);
                }

                return true;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    fields[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = Unwrap(entry.Value);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>graphql-js <c>printPathArray</c>: <c>.field</c> for keys, <c>[0]</c> for indices.</summary>
    public static string PrintPath(IReadOnlyList<object> path)
    {
        var builder = new StringBuilder();
        foreach (var segment in path)
        {
            if (segment is int index)
            {
                builder.Append('[').Append(index).Append(']');
            }
            else
            {
                builder.Append('.').Append(segment);
            }
        }

        return builder.ToString();
    }
}
