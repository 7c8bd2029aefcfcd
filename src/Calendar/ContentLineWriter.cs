using System.Buffers;

namespace InclusionNetwork.Calendar;

/// <summary>
/// Builds one content line (RFC 5545 3.1) at a time in a reusable buffer, then writes it folded
/// to at most 75 octets of UTF-8 per physical line, each ended by CRLF. Folding counts octets,
/// not chars, and only ever breaks between whole characters, so a multi-byte UTF-8 sequence or a
/// surrogate pair is never split (3.1: "Multi-octet characters MUST remain contiguous").
/// </summary>
internal sealed class ContentLineWriter : IDisposable
{
    /// <summary>RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break.</summary>
    internal const int MaxLineOctets = 75;

    private static readonly char[] FoldBreak = ['\r', '\n', ' '];
    private static readonly char[] LineBreak = ['\r', '\n'];

    private readonly TextWriter output;
    private char[] buffer;
    private int length;

    public ContentLineWriter(TextWriter output)
    {
        this.output = output;
        buffer = ArrayPool<char>.Shared.Rent(512);
    }

    /// <summary>Starts a line with the property name; parameters and the value follow.</summary>
    public void StartProperty(string name)
    {
        length = 0;
        AppendRaw(name);
    }

    /// <summary>
    /// Appends <c>;NAME=value</c>, quoting the value when it holds a character that would end it
    /// (3.2: COLON, SEMICOLON or COMMA need a quoted-string).
    /// </summary>
    public void AppendParameter(string name, string value)
    {
        if (value.AsSpan().IndexOfAny('"', '\r', '\n') >= 0)
        {
            throw new ArgumentException($"Parameter {name} cannot carry a double quote or a line break: '{value}'.", nameof(value));
        }

        Append(';');
        AppendRaw(name);
        Append('=');
        var quote = value.AsSpan().IndexOfAny(':', ';', ',') >= 0;
        if (quote)
        {
            Append('"');
        }

        AppendRaw(value);
        if (quote)
        {
            Append('"');
        }
    }

    /// <summary>Appends the COLON that separates the name and parameters from the value.</summary>
    public void StartValue() => Append(':');

    public void Append(char c)
    {
        EnsureCapacity(1);
        buffer[length++] = c;
    }

    /// <summary>Appends characters as they are: for values whose grammar has no escapes.</summary>
    public void AppendRaw(ReadOnlySpan<char> text)
    {
        EnsureCapacity(text.Length);
        text.CopyTo(buffer.AsSpan(length));
        length += text.Length;
    }

    /// <summary>Appends a TEXT value escaped per RFC 5545 3.3.11.</summary>
    public void AppendText(ReadOnlySpan<char> text)
    {
        // Each char becomes at most two, so one capacity check covers the whole value.
        EnsureCapacity(text.Length * 2);
        length += TextEscaping.Escape(text, buffer.AsSpan(length));
    }

    public void AppendInteger(int value)
    {
        EnsureCapacity(11);
        value.TryFormat(buffer.AsSpan(length), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        length += written;
    }

    /// <summary>Appends a DATE (3.3.4): <c>yyyyMMdd</c>.</summary>
    public void AppendDate(DateTime value)
    {
        EnsureCapacity(8);
        length += ValueFormat.WriteDate(value, buffer.AsSpan(length));
    }

    /// <summary>Appends a local DATE-TIME (3.3.5 form 1 or 3): <c>yyyyMMddTHHmmss</c>.</summary>
    public void AppendLocalDateTime(DateTime value)
    {
        EnsureCapacity(15);
        length += ValueFormat.WriteLocalDateTime(value, buffer.AsSpan(length));
    }

    /// <summary>Appends a UTC DATE-TIME (3.3.5 form 2): <c>yyyyMMddTHHmmssZ</c>.</summary>
    public void AppendUtcDateTime(DateTime utc)
    {
        EnsureCapacity(16);
        length += ValueFormat.WriteLocalDateTime(utc, buffer.AsSpan(length));
        buffer[length++] = 'Z';
    }

    public void AppendUtcOffset(TimeSpan offset)
    {
        EnsureCapacity(7);
        length += ValueFormat.WriteUtcOffset(offset, buffer.AsSpan(length));
    }

    public void AppendDuration(TimeSpan duration)
    {
        EnsureCapacity(32);
        length += ValueFormat.WriteDuration(duration, buffer.AsSpan(length));
    }

    /// <summary>Writes the line built so far, folded, with CRLF after every physical line.</summary>
    public void EndLine()
    {
        WriteFolded(buffer.AsSpan(0, length), output);
        length = 0;
    }

    /// <summary>Writes a whole line whose value needs no escaping, such as <c>BEGIN:VEVENT</c>.</summary>
    public void WriteLine(string name, string value)
    {
        StartProperty(name);
        StartValue();
        AppendRaw(value);
        EndLine();
    }

    /// <summary>Writes a whole line whose value is TEXT.</summary>
    public void WriteTextLine(string name, string value)
    {
        StartProperty(name);
        StartValue();
        AppendText(value);
        EndLine();
    }

    /// <summary>
    /// Folds one logical line: a break goes in before any character that would take the
    /// physical line past 75 octets; the SPACE that starts a continuation counts as one of them.
    /// </summary>
    internal static void WriteFolded(ReadOnlySpan<char> line, TextWriter output)
    {
        var segmentStart = 0;
        var lineOctets = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            int octets;
            int chars;
            if (c < 0x80)
            {
                octets = 1;
                chars = 1;
            }
            else if (c < 0x800)
            {
                octets = 2;
                chars = 1;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
            {
                octets = 4;
                chars = 2;
            }
            else
            {
                // Other BMP characters take three octets; so does a lone surrogate, which the
                // UTF-8 encoder replaces with U+FFFD.
                octets = 3;
                chars = 1;
            }

            if (lineOctets + octets > MaxLineOctets)
            {
                output.Write(line[segmentStart..i]);
                output.Write(FoldBreak);
                segmentStart = i;
                lineOctets = 1;
            }

            lineOctets += octets;
            i += chars;
        }

        output.Write(line[segmentStart..]);
        output.Write(LineBreak);
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(buffer);
        buffer = [];
    }

    private void EnsureCapacity(int extra)
    {
        if (length + extra <= buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<char>.Shared.Rent(Math.Max(buffer.Length * 2, length + extra));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(buffer);
        buffer = larger;
    }
}
