using System.Text.Json;

namespace InclusionNetwork.Web.Forms;

/// <summary>
/// A form's problems, in the order the error summary lists them: each names the id of the
/// field it belongs to (the summary links there, the message shows beside it).
/// </summary>
public sealed class FormErrors
{
    private readonly List<FormError> errors = [];

    public IReadOnlyList<FormError> All => errors;

    public bool Any => errors.Count > 0;

    public void Add(string fieldId, string message) => errors.Add(new FormError(fieldId, message));

    /// <summary>The first message for a field, for its inline error; null when it has none.</summary>
    public string? For(string fieldId) => errors.FirstOrDefault(e => e.FieldId == fieldId)?.Message;

    /// <summary>
    /// A mutation payload's <c>errors</c> (<c>UserError { code message path }</c>): each goes to
    /// the field its input path names, found in <paramref name="fields"/> (input path, dotted and
    /// without the leading <c>input</c>, to field id), trying the longest prefix first; an error
    /// naming no known field goes to <paramref name="fallbackFieldId"/>.
    /// </summary>
    public static FormErrors FromUserErrors(JsonElement userErrors, IReadOnlyDictionary<string, string> fields, string fallbackFieldId)
    {
        var result = new FormErrors();
        if (userErrors.ValueKind != JsonValueKind.Array)
        {
            return result;
        }
        foreach (var error in userErrors.EnumerateArray())
        {
            var message = error.GetProperty("message").GetString() ?? "Something is not right.";
            string[] path = error.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.Array
                ? [.. p.EnumerateArray().Select(s => s.GetString() ?? "")]
                : [];
            var parts = path.Length > 0 && path[0] == "input" ? path[1..] : path;
            var fieldId = fallbackFieldId;
            for (var n = parts.Length; n > 0; n--)
            {
                if (fields.TryGetValue(string.Join('.', parts[..n]), out var id))
                {
                    fieldId = id;
                    break;
                }
            }
            result.Add(fieldId, message);
        }
        return result;
    }
}

public sealed record FormError(string FieldId, string Message);
