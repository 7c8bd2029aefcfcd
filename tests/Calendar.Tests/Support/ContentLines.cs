namespace InclusionNetwork.Calendar.Tests.Support;

/// <summary>Reads written calendars back the way RFC 5545 3.1 says: unfold, then split into properties.</summary>
internal static class ContentLines
{
    /// <summary>Removes every CRLF followed by one SPACE or HTAB.</summary>
    public static string Unfold(string calendar) =>
        calendar.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Replace("\r\n\t", string.Empty, StringComparison.Ordinal);

    /// <summary>The logical lines of an unfolded calendar, without the final empty one.</summary>
    public static string[] Lines(string calendar) =>
        Unfold(calendar).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The raw (still escaped) values of every property named <paramref name="name"/>, in order.</summary>
    public static IReadOnlyList<string> Values(string calendar, string name) =>
        [.. Lines(calendar)
            .Where(line => line.StartsWith(name + ":", StringComparison.Ordinal) || line.StartsWith(name + ";", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..])];

    /// <summary>Whole logical lines (name, parameters and value) of every property named <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> Properties(string calendar, string name) =>
        [.. Lines(calendar)
            .Where(line => line.StartsWith(name + ":", StringComparison.Ordinal) || line.StartsWith(name + ";", StringComparison.Ordinal))];
}
