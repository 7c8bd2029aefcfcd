using System.Collections;
using System.Globalization;

namespace InclusionNetwork.GraphQL.Common;

/// <summary>
/// The longest text each input field may hold, checked once for every mutation input and
/// input argument before a resolver reads it (<see cref="InputReader"/>), so no field is
/// forgotten and no text of any size reaches SQL. These are backstops: where the product
/// has a tighter rule (a course title of 200 characters, a summary of 4,000) the grain checks
/// it and answers with a UserError in the payload; past these limits the request is a
/// BAD_USER_INPUT error naming the field, its length and the limit.
/// </summary>
public static class TextLimits
{
    /// <summary>Names, titles, venues, locations, emails, ids, searches and other one-line values.</summary>
    public const int Line = 500;

    /// <summary>A recurrence rule, which is one line but may list many dates.</summary>
    public const int Recurrence = 1_000;

    /// <summary>Reasons, comments, notes, summaries, report sections and action descriptions.</summary>
    public const int Prose = 20_000;

    private static readonly Dictionary<string, int> ByField = new(StringComparer.Ordinal)
    {
        ["recurrence"] = Recurrence,
        ["reason"] = Prose,
        ["summary"] = Prose,
        ["comments"] = Prose,
        ["notes"] = Prose,
        ["strengths"] = Prose,
        ["areasForDevelopment"] = Prose,
        ["expectedImpact"] = Prose,
        ["description"] = Prose,
    };

    /// <summary>The most characters the input field of this name may hold.</summary>
    public static int For(string field) => ByField.GetValueOrDefault(field, Line);

    /// <summary>Checks every text value in a coerced input object, lists and nested objects included.</summary>
    /// <exception cref="QueryArgumentException">A value is longer than its field allows.</exception>
    public static void Check(IReadOnlyDictionary<string, object?>? values, string path)
    {
        if (values is null)
        {
            return;
        }
        foreach (var (field, value) in values)
        {
            CheckValue(field, value, path + "." + field);
        }
    }

    private static void CheckValue(string field, object? value, string path)
    {
        switch (value)
        {
            case string text when text.Length > For(field):
                throw new QueryArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"\"{path}\" is {text.Length} characters long; it may be at most {For(field)}."));
            case IReadOnlyDictionary<string, object?> nested:
                Check(nested, path);
                break;
            case IEnumerable list and not string:
                var index = 0;
                foreach (var item in list)
                {
                    CheckValue(field, item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"));
                }
                break;
        }
    }
}
