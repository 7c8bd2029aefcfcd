using System.Collections;
using System.Text.Json;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// Writes an <see cref="ExecutionResult"/> as the JSON response of spec 7.1 straight to a
/// <see cref="Utf8JsonWriter"/>: no intermediate document, keys pre-encoded per selection plan.
/// </summary>
internal static class ExecutionResultWriter
{
    private static readonly JsonEncodedText DataName = JsonEncodedText.Encode("data");
    private static readonly JsonEncodedText ErrorsName = JsonEncodedText.Encode("errors");
    private static readonly JsonEncodedText ExtensionsName = JsonEncodedText.Encode("extensions");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText LocationsName = JsonEncodedText.Encode("locations");
    private static readonly JsonEncodedText LineName = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText ColumnName = JsonEncodedText.Encode("column");
    private static readonly JsonEncodedText PathName = JsonEncodedText.Encode("path");

    public static void Write(Utf8JsonWriter writer, ExecutionResult result)
    {
        writer.WriteStartObject();
        if (result.Errors.Count > 0)
        {
            // Errors first, as the spec recommends, so they are seen even in a long response.
            writer.WritePropertyName(ErrorsName);
            writer.WriteStartArray();
            foreach (var error in result.Errors)
            {
                WriteError(writer, error);
            }

            writer.WriteEndArray();
        }

        if (result.ExecutionStarted)
        {
            writer.WritePropertyName(DataName);
            WriteValue(writer, result.Data);
        }

        if (result.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName(ExtensionsName);
            WriteValue(writer, extensions);
        }

        writer.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        writer.WriteStartObject();
        writer.WriteString(MessageName, error.Message);
        if (error.Locations.Count > 0)
        {
            writer.WritePropertyName(LocationsName);
            writer.WriteStartArray();
            foreach (var location in error.Locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber(LineName, location.Line);
                writer.WriteNumber(ColumnName, location.Column);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (error.Path is { } path)
        {
            writer.WritePropertyName(PathName);
            writer.WriteStartArray();
            foreach (var segment in path)
            {
                if (segment is int index)
                {
                    writer.WriteNumberValue(index);
                }
                else
                {
                    writer.WriteStringValue((string)segment);
                }
            }

            writer.WriteEndArray();
        }

        writer.WritePropertyName(ExtensionsName);
        WriteValue(writer, error.Extensions);
        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case ResultMap map:
                writer.WriteStartObject();
                for (var i = 0; i < map.Count; i++)
                {
                    if (map.EncodedKeyAt(i) is { } encoded)
                    {
                        writer.WritePropertyName(encoded);
                    }
                    else
                    {
                        writer.WritePropertyName(map.KeyAt(i));
                    }

                    WriteValue(writer, map.ValueAt(i));
                }

                writer.WriteEndObject();
                return;
            case object?[] list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                return;
            case string s:
                writer.WriteStringValue(s);
                return;
            case bool b:
                writer.WriteBooleanValue(b);
                return;
            case int i:
                writer.WriteNumberValue(i);
                return;
            case long l:
                writer.WriteNumberValue(l);
                return;
            case double d:
                writer.WriteNumberValue(d);
                return;
            case float f:
                writer.WriteNumberValue(f);
                return;
            case decimal m:
                writer.WriteNumberValue(m);
                return;
            case short or byte or sbyte or ushort:
                writer.WriteNumberValue(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
                return;
            case uint ui:
                writer.WriteNumberValue(ui);
                return;
            case ulong ul:
                writer.WriteNumberValue(ul);
                return;
            case JsonElement element:
                element.WriteTo(writer);
                return;
            case IEnumerable<KeyValuePair<string, object?>> dictionary:
                writer.WriteStartObject();
                foreach (var (key, item) in dictionary)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                return;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                    WriteValue(writer, entry.Value);
                }

                writer.WriteEndObject();
                return;
            case IEnumerable sequence:
                writer.WriteStartArray();
                foreach (var item in sequence)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                return;
            default:
                // A custom scalar's serialized value of some other CLR shape: let System.Text.Json decide.
                JsonSerializer.Serialize(writer, value, value.GetType());
                return;
        }
    }
}
