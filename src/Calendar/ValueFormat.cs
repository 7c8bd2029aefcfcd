namespace InclusionNetwork.Calendar;

/// <summary>
/// Writes the fixed-width value types of RFC 5545 3.3 straight into a char span, digit by digit,
/// so that rendering a large feed formats no intermediate strings.
/// </summary>
internal static class ValueFormat
{
    /// <summary>DATE (3.3.4): <c>yyyyMMdd</c>. Returns 8.</summary>
    public static int WriteDate(DateTime value, Span<char> destination)
    {
        WriteDigits(value.Year, 4, destination);
        WriteDigits(value.Month, 2, destination[4..]);
        WriteDigits(value.Day, 2, destination[6..]);
        return 8;
    }

    /// <summary>DATE-TIME without the UTC designator (3.3.5): <c>yyyyMMddTHHmmss</c>. Returns 15.</summary>
    public static int WriteLocalDateTime(DateTime value, Span<char> destination)
    {
        WriteDate(value, destination);
        destination[8] = 'T';
        WriteDigits(value.Hour, 2, destination[9..]);
        WriteDigits(value.Minute, 2, destination[11..]);
        WriteDigits(value.Second, 2, destination[13..]);
        return 15;
    }

    /// <summary>UTC-OFFSET (3.3.14): <c>+hhmm</c>, with <c>ss</c> only when not zero; zero is <c>+0000</c>.</summary>
    public static int WriteUtcOffset(TimeSpan offset, Span<char> destination)
    {
        // 3.3.14: "-0000" is not allowed, so the sign of zero is '+'.
        destination[0] = offset < TimeSpan.Zero ? '-' : '+';
        var magnitude = offset.Duration();
        WriteDigits(magnitude.Hours, 2, destination[1..]);
        WriteDigits(magnitude.Minutes, 2, destination[3..]);
        if (magnitude.Seconds == 0)
        {
            return 5;
        }

        WriteDigits(magnitude.Seconds, 2, destination[5..]);
        return 7;
    }

    /// <summary>
    /// DURATION (3.3.6) of a non-negative span, e.g. <c>PT1H</c>, <c>P1D</c>, <c>P1DT12H</c>.
    /// The grammar lets a time part skip only trailing units (<c>dur-hour = 1*DIGIT "H" [dur-minute]</c>),
    /// so a zero minute between an hour and a second is written out.
    /// </summary>
    public static int WriteDuration(TimeSpan duration, Span<char> destination)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A refresh interval or duration cannot be negative.");
        }

        var written = 0;
        destination[written++] = 'P';
        var days = (int)duration.TotalDays;
        var (hours, minutes, seconds) = (duration.Hours, duration.Minutes, duration.Seconds);
        if (days > 0)
        {
            written += WriteNumber(days, destination[written..]);
            destination[written++] = 'D';
        }

        if (hours == 0 && minutes == 0 && seconds == 0)
        {
            if (days == 0)
            {
                destination[written++] = 'T';
                destination[written++] = '0';
                destination[written++] = 'S';
            }

            return written;
        }

        destination[written++] = 'T';
        var started = false;
        if (hours > 0)
        {
            written += WriteNumber(hours, destination[written..]);
            destination[written++] = 'H';
            started = true;
        }

        if (minutes > 0 || (started && seconds > 0))
        {
            written += WriteNumber(minutes, destination[written..]);
            destination[written++] = 'M';
        }

        if (seconds > 0)
        {
            written += WriteNumber(seconds, destination[written..]);
            destination[written++] = 'S';
        }

        return written;
    }

    private static int WriteNumber(int value, Span<char> destination)
    {
        value.TryFormat(destination, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        return written;
    }

    private static void WriteDigits(int value, int width, Span<char> destination)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
