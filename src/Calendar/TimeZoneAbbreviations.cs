using System.Text;

namespace InclusionNetwork.Calendar;

/// <summary>
/// The short names (GMT, BST, CET, CEST) a zone uses for standard and daylight time. .NET only
/// offers long localized names ("Greenwich Mean Time"), so on systems with the IANA database the
/// names come from the POSIX TZ string at the end of the zone's TZif file (RFC 8536 3.3), e.g.
/// <c>GMT0BST,M3.5.0/1,M10.5.0</c>; elsewhere the long names stand in, which TZNAME allows.
/// </summary>
internal static class TimeZoneAbbreviations
{
    public static (string Standard, string Daylight) For(TimeZoneInfo zone)
    {
        var footer = ReadTzifFooter(zone.Id);
        if (footer is not null && TryParsePosixNames(footer, out var standard, out var daylight))
        {
            return (standard, daylight ?? standard);
        }

        return (zone.StandardName, zone.DaylightName);
    }

    /// <summary>Reads <c>std[offset[dst...]]</c> names; a name is letters, or anything inside angle brackets.</summary>
    internal static bool TryParsePosixNames(string tz, out string standard, out string? daylight)
    {
        daylight = null;
        var position = 0;
        standard = ReadName(tz, ref position) ?? string.Empty;
        if (standard.Length == 0)
        {
            return false;
        }

        while (position < tz.Length && (char.IsAsciiDigit(tz[position]) || tz[position] is '+' or '-' or ':'))
        {
            position++;
        }

        daylight = ReadName(tz, ref position);
        return true;
    }

    private static string? ReadName(string tz, ref int position)
    {
        if (position >= tz.Length)
        {
            return null;
        }

        if (tz[position] == '<')
        {
            var close = tz.IndexOf('>', position);
            if (close < 0)
            {
                return null;
            }

            var quoted = tz[(position + 1)..close];
            position = close + 1;
            return quoted;
        }

        var start = position;
        while (position < tz.Length && char.IsAsciiLetter(tz[position]))
        {
            position++;
        }

        return position > start ? tz[start..position] : null;
    }

    private static string? ReadTzifFooter(string zoneId)
    {
        if (zoneId.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(zoneId))
        {
            return null;
        }

        var directory = Environment.GetEnvironmentVariable("TZDIR") ?? "/usr/share/zoneinfo";
        var path = Path.Combine(directory, zoneId);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);

        // Version 2+ files end with "\n<POSIX TZ string>\n"; version 1 files have no footer.
        if (bytes.Length < 6 || bytes[0] != (byte)'T' || bytes[1] != (byte)'Z' || bytes[4] < (byte)'2' || bytes[^1] != (byte)'\n')
        {
            return null;
        }

        var start = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2);
        return start < 0 ? null : Encoding.ASCII.GetString(bytes, start + 1, bytes.Length - start - 2);
    }
}
