namespace InclusionNetwork.Calendar;

/// <summary>
/// The TEXT value escapes of RFC 5545 3.3.11: BACKSLASH, SEMICOLON and COMMA are preceded by a
/// BACKSLASH, and a line break becomes the two characters <c>\n</c>. Done in one pass, so a
/// backslash added by escaping is never escaped again.
/// </summary>
internal static class TextEscaping
{
    /// <summary>
    /// Escapes <paramref name="text"/> into <paramref name="destination"/> (which must hold twice
    /// its length) and returns the number of chars written. CRLF, CR and LF each become one
    /// <c>\n</c>. Other control characters are dropped: TEXT admits none but HTAB (3.3.11).
    /// </summary>
    public static int Escape(ReadOnlySpan<char> text, Span<char> destination)
    {
        var written = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or ';' or ',':
                    destination[written++] = '\\';
                    destination[written++] = c;
                    break;
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    destination[written++] = '\\';
                    destination[written++] = 'n';
                    break;
                case '\n':
                    destination[written++] = '\\';
                    destination[written++] = 'n';
                    break;
                case '\t':
                    destination[written++] = c;
                    break;
                case < ' ' or '\u007f':
                    break;
                default:
                    destination[written++] = c;
                    break;
            }
        }

        return written;
    }

    /// <summary>Escapes to a new string; for tests and callers outside the writer.</summary>
    public static string Escape(string text)
    {
        var buffer = new char[text.Length * 2];
        var written = Escape(text, buffer);
        return new string(buffer, 0, written);
    }

    /// <summary>
    /// Reverses <see cref="Escape(ReadOnlySpan{char}, Span{char})"/>: <c>\n</c> or <c>\N</c> becomes
    /// LF, <c>\\</c>, <c>\;</c> and <c>\,</c> lose their backslash.
    /// </summary>
    public static string Unescape(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                var next = text[++i];
                result.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
