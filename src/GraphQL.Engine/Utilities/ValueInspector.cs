using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace InclusionNetwork.GraphQL.Engine.Utilities;

/// <summary>
/// Renders a runtime value for an error message the way graphql-js's <c>inspect</c> does:
/// strings in JSON quotes, numbers plain, lists as <c>[1, 2]</c>, objects as <c>{ a: 1 }</c>.
/// </summary>
public static class ValueInspector
{
    public static string Inspect(object? value)
    {
        var builder = new StringBuilder();
        Append(builder, value, 0);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, object? value, int depth)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                return;
            case string s:
                builder.Append(JsonSerializer.Serialize(s));
                return;
            case bool b:
                builder.Append(b ? "true" : "false");
                return;
            case JsonElement element:
                AppendJson(builder, element, depth);
                return;
            case double d:
                builder.Append(FormatDouble(d));
                return;
            case float f:
                builder.Append(FormatDouble(f));
                return;
            case IFormattable formattable when value.GetType().IsPrimitive || value is decimal:
                builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            case IDictionary dictionary:
                if (dictionary.Count == 0)
                {
                    builder.Append("{}");
                    return;
                }

                if (depth > 2)
                {
                    builder.Append("[Object]");
                    return;
                }

                builder.Append("{ ");
                var first = true;
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }

                    first = false;
                    builder.Append(entry.Key).Append(": ");
                    Append(builder, entry.Value, depth + 1);
                }

                builder.Append(" }");
                return;
            case IEnumerable list:
                if (depth > 2)
                {
                    builder.Append("[Array]");
                    return;
                }

                builder.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem)
                    {
                        builder.Append(", ");
                    }

                    firstItem = false;
                    Append(builder, item, depth + 1);
                }

                builder.Append(']');
                return;
            default:
                builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
        }
    }

    private static void AppendJson(StringBuilder builder, JsonElement element, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                builder.Append(JsonSerializer.Serialize(element.GetString()));
                break;
            case JsonValueKind.Number:
                builder.Append(element.GetRawText());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }

                    first = false;
                    AppendJson(builder, item, depth + 1);
                }

                builder.Append(']');
                break;
            case JsonValueKind.Object:
                var any = false;
                foreach (var property in element.EnumerateObject())
                {
                    builder.Append(any ? ", " : "{ ").Append(property.Name).Append(": ");
                    AppendJson(builder, property.Value, depth + 1);
                    any = true;
                }

                builder.Append(any ? " }" : "{}");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}
