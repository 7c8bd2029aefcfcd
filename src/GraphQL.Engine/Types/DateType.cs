using System.Globalization;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Utilities;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>
/// A calendar date with no time or zone, written exactly <c>yyyy-MM-dd</c>. Runtime value:
/// <see cref="DateOnly"/>. Anything else, including a date-time, is refused rather than guessed at.
/// </summary>
public sealed class DateType() : ScalarType("Date", "A calendar date, written as `yyyy-MM-dd` (ISO 8601).")
{
    private const string Format = "yyyy-MM-dd";

    public override object? Serialize(object value) => value switch
    {
        DateOnly date => date.ToString(Format, CultureInfo.InvariantCulture),
        string s when TryParse(s, out var date) => date.ToString(Format, CultureInfo.InvariantCulture),
        _ => throw new ValueCoercionException($"Date cannot represent value: {ValueInspector.Inspect(value)}"),
    };

    public override object? ParseValue(object value)
    {
        var input = RuntimeValues.Normalize(value);
        return input switch
        {
            DateOnly date => date,
            string s when TryParse(s, out var date) => date,
            _ => throw new ValueCoercionException(
                $"Date cannot represent value: {ValueInspector.Inspect(input)}; expected a date written as yyyy-MM-dd."),
        };
    }

    public override object? ParseLiteral(ValueNode node, IReadOnlyDictionary<string, object?>? variables = null)
    {
        if (node is StringValueNode s && TryParse(s.Value, out var date))
        {
            return date;
        }

        throw new ValueCoercionException($"Date cannot represent value: {Printer.Print(node)}; expected a date written as yyyy-MM-dd.");
    }

    /// <summary>Exactly ten characters, four-digit year, real month and day.</summary>
    public static bool TryParse(string text, out DateOnly date)
    {
        date = default;
        return text.Length == 10 &&
            DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
