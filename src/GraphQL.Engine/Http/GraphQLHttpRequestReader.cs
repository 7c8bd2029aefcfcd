using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using InclusionNetwork.GraphQL.Engine.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace InclusionNetwork.GraphQL.Engine.Http;

/// <summary>
/// Reads the request parameters from a GET query string or an <c>application/json</c> POST
/// body, refusing what the GraphQL-over-HTTP draft says to refuse, with the status to use.
/// </summary>
internal static class GraphQLHttpRequestReader
{
    public static GraphQLHttpRequest FromQueryString(IQueryCollection query)
    {
        var text = query["query"];
        if (text.Count != 1 || string.IsNullOrEmpty(text[0]))
        {
            throw new BadHttpRequest(StatusCodes.Status400BadRequest, "The GraphQL request must have a \"query\" parameter.");
        }

        var operationName = query["operationName"] is { Count: 1 } names && !string.IsNullOrEmpty(names[0]) ? names[0] : null;
        IReadOnlyDictionary<string, object?>? variables = null;
        if (query["variables"] is { Count: 1 } variablesText && !string.IsNullOrEmpty(variablesText[0]))
        {
            variables = ParseJsonObject(variablesText[0]!, "variables") is { } element ? Variables(element) : null;
        }

        IReadOnlyDictionary<string, JsonElement>? extensions = null;
        if (query["extensions"] is { Count: 1 } extensionsText && !string.IsNullOrEmpty(extensionsText[0]))
        {
            extensions = ParseJsonObject(extensionsText[0]!, "extensions") is { } element ? Extensions(element) : null;
        }

        return new GraphQLHttpRequest(text[0]!, operationName, variables, extensions);
    }

    public static async Task<GraphQLHttpRequest> FromBodyAsync(HttpRequest request, long? maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentType is null || !MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) ||
            !string.Equals(contentType.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequest(StatusCodes.Status415UnsupportedMediaType, "The request body must be application/json.");
        }

        if (contentType.Charset.HasValue && !string.Equals(contentType.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequest(StatusCodes.Status415UnsupportedMediaType, "The request body must be encoded as utf-8.");
        }

        if (maxBytes is { } declaredLimit && request.ContentLength > declaredLimit)
        {
            throw TooLarge(declaredLimit);
        }

        var body = await ReadBodyAsync(request.Body, request.ContentLength, maxBytes, cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            throw new BadHttpRequest(StatusCodes.Status400BadRequest, "The request body is empty.");
        }

        if (!Utf8.IsValid(body.Span))
        {
            throw NotWellFormedText("The request body is not valid UTF-8.");
        }

        // The document is read while it is open rather than cloned: a clone copies the whole body
        // again, and a body may be a megabyte of comment. Only variables and extensions, which
        // outlive it, are copied.
        JsonDocument document;
        try
        {
            EnsureStringsAreWellFormed(body.Span);
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequest(StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {e.Message}");
        }

        using (document)
        {
            return FromJson(document.RootElement);
        }
    }

    private static GraphQLHttpRequest FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new BadHttpRequest(StatusCodes.Status400BadRequest, "The request body must be a JSON object.");
        }

        string? query = null;
        string? operationName = null;
        IReadOnlyDictionary<string, object?>? variables = null;
        IReadOnlyDictionary<string, JsonElement>? extensions = null;
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "query":
                    query = value.ValueKind == JsonValueKind.String
                        ? value.GetString()
                        : throw new BadHttpRequest(StatusCodes.Status400BadRequest, "The \"query\" parameter must be a string.");
                    break;
                case "operationName":
                    operationName = value.ValueKind switch
                    {
                        JsonValueKind.String => value.GetString(),
                        JsonValueKind.Null => null,
                        _ => throw new BadHttpRequest(StatusCodes.Status400BadRequest, "The \"operationName\" parameter must be a string or null."),
                    };
                    break;
                case "variables":
                    variables = value.ValueKind switch
                    {
                        JsonValueKind.Object => Variables(value.Clone()),
                        JsonValueKind.Null => null,
                        _ => throw new BadHttpRequest(StatusCodes.Status400BadRequest, "The \"variables\" parameter must be a map or null."),
                    };
                    break;
                case "extensions":
                    extensions = value.ValueKind switch
                    {
                        JsonValueKind.Object => Extensions(value.Clone()),
                        JsonValueKind.Null => null,
                        _ => throw new BadHttpRequest(StatusCodes.Status400BadRequest, "The \"extensions\" parameter must be a map or null."),
                    };
                    break;
            }
        }

        if (string.IsNullOrEmpty(query))
        {
            throw new BadHttpRequest(StatusCodes.Status400BadRequest, "The GraphQL request must have a \"query\" parameter.");
        }

        return new GraphQLHttpRequest(query, operationName, variables, extensions);
    }

    /// <summary>
    /// The whole body, copied once at most: into an array of its stated length, or not at all
    /// when the host has already read it into memory; only a body of unstated length is grown
    /// as it arrives.
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(Stream body, long? declaredLength, long? maxBytes, CancellationToken cancellationToken)
    {
        if (body is MemoryStream { Position: 0 } inMemory && inMemory.TryGetBuffer(out var whole))
        {
            if (maxBytes is { } memoryLimit && whole.Count > memoryLimit)
            {
                throw TooLarge(memoryLimit);
            }

            return whole.AsMemory();
        }

        if (declaredLength is { } length && maxBytes is { } bound && length <= bound && length <= Array.MaxLength)
        {
            // The server ends the body at its stated length, so it fills the array exactly; made
            // up front only under a configured limit, so a stated length alone never sizes memory.
            var exact = new byte[length];
            var filled = 0;
            int got;
            while (filled < exact.Length && (got = await body.ReadAsync(exact.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += got;
            }

            return exact.AsMemory(0, filled);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (maxBytes is { } limit && buffer.Length > limit)
            {
                throw TooLarge(limit);
            }
        }

        return buffer.ToArray();
    }

    private static BadHttpRequest TooLarge(long limit) =>
        new(StatusCodes.Status413RequestEntityTooLarge, $"The request body exceeds the maximum size of {limit} bytes.", ErrorCodes.RequestTooLarge);

    private static JsonElement? ParseJsonObject(string text, string parameter)
    {
        try
        {
            EnsureStringsAreWellFormed(Encoding.UTF8.GetBytes(text));
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Object => document.RootElement.Clone(),
                JsonValueKind.Null => null,
                _ => throw new BadHttpRequest(StatusCodes.Status400BadRequest, $"The \"{parameter}\" parameter must be a JSON map."),
            };
        }
        catch (JsonException)
        {
            throw new BadHttpRequest(StatusCodes.Status400BadRequest, $"The \"{parameter}\" parameter is not valid JSON.");
        }
    }

    /// <summary>
    /// Decodes every string and property name once, so text that cannot be a .NET string (an
    /// escaped lone surrogate such as <c>"\ud800"</c>, or bytes that are not UTF-8 inside a
    /// string) is refused here as a malformed request, before anything reads it.
    /// </summary>
    private static void EnsureStringsAreWellFormed(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            // An unescaped string is bytes of the body, already valid UTF-8; only escapes can
            // spell a lone surrogate. Decoded into a borrowed buffer, not a new string each.
            if ((reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName) && reader.ValueIsEscaped)
            {
                var decoded = System.Buffers.ArrayPool<char>.Shared.Rent(reader.ValueSpan.Length);
                try
                {
                    reader.CopyString(decoded);
                }
                catch (InvalidOperationException)
                {
                    // CopyString's only failure for a string token given room enough: the text is not well-formed UTF-8/UTF-16.
                    throw NotWellFormedText(
                        $"The request body has a string that is not well-formed Unicode (an invalid UTF-8 sequence or an unpaired surrogate) at byte {reader.TokenStartIndex}.");
                }
                finally
                {
                    System.Buffers.ArrayPool<char>.Shared.Return(decoded);
                }
            }
        }
    }

    private static BadHttpRequest NotWellFormedText(string message) =>
        new(StatusCodes.Status400BadRequest, message);

    private static Dictionary<string, object?> Variables(JsonElement map)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            variables[property.Name] = property.Value;
        }

        return variables;
    }

    private static Dictionary<string, JsonElement> Extensions(JsonElement map)
    {
        var extensions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            extensions[property.Name] = property.Value;
        }

        return extensions;
    }
}
