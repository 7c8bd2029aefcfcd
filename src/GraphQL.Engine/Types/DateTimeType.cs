using System.Globalization;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Utilities;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>
/// An instant with its UTC offset, written as ISO 8601 / RFC 3339
/// (<c>yyyy-MM-ddTHH:mm:ss[.fffffff](Z|±HH:mm)</c>). Runtime value: <see cref="DateTimeOffset"/>.
/// A time without an offset is refused, because it does not name an instant.
/// </summary>
public sealed class DateTimeType() : ScalarType("DateTime",
    "An instant with its UTC offset, written as ISO 8601 `yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:mm)`.")
{
    public override object? Serialize(object value) => value switch
    {
        DateTimeOffset instant => Format(instant),
        DateTime { Kind: DateTimeKind.Utc } utc => Format(new DateTimeOffset(utc)),
        string s when TryParse(s, out var instant) => Format(instant),
        _ => throw new ValueCoercionException($"DateTime cannot represent value: {ValueInspector.Inspect(value)}"),
    };

    public override object? ParseValue(object value)
    {
        var input = RuntimeValues.Normalize(value);
        return input switch
        {
            DateTimeOffset instant => instant,
            string s when TryParse(s, out var instant) => instant,
            _ => throw new ValueCoercionException(
                $"DateTime cannot represent value: {ValueInspector.Inspect(input)}; expected an ISO 8601 date and time with an offset."),
        };
    }

    public override object? ParseLiteral(ValueNode node, IReadOnlyDictionary<string, object?>? variables = null)
    {
        if (node is StringValueNode s && TryParse(s.Value, out var instant))
        {
            return instant;
        }

        throw new ValueCoercionException(
            $"DateTime cannot represent value: {Printer.Print(node)}; expected an ISO 8601 date and time with an offset.");
    }

    public static string Format(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>Checks the exact shape first, so lenient .NET parsing never accepts a looser form.</summary>
    public static bool TryParse(string text, out DateTimeOffset instant)
    {
        instant = default;
        if (!HasStrictShape(text))
        {
            return false;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    private static bool HasStrictShape(string s)
    {
        if (s.Length < 20 ||
            !Digits(s, 0, 4) || s[4] != '-' || !Digits(s, 5, 2) || s[7] != '-' || !Digits(s, 8, 2) ||
            s[10] != 'T' || !Digits(s, 11, 2) || s[13] != ':' || !Digits(s, 14, 2) || s[16] != ':' || !Digits(s, 17, 2))
        {
            return false;
        }

        var position = 19;
        if (s[position] == '.')
        {
            var start = ++position;
            while (position < s.Length && char.IsAsciiDigit(s[position]))
            {
                position++;
            }

            var fraction = position - start;
            if (fraction is < 1 or > 7)
            {
                return false;
            }
        }

        if (position == s.Length - 1)
        {
            return s[position] == 'Z';
        }

        return position == s.Length - 6 && s[position] is '+' or '-' &&
            Digits(s, position + 1, 2) && s[position + 3] == ':' && Digits(s, position + 4, 2);
    }

    private static bool Digits(string s, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }
}
