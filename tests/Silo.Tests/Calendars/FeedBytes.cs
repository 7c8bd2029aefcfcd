using System.Text;

namespace InclusionNetwork.Silo.Tests.Calendars;

/// <summary>
/// What no parser checks, checked on the bytes themselves (RFC 5545 3.1): every line ends in
/// CRLF, no line is longer than 75 octets, and folding never splits a UTF-8 sequence.
/// </summary>
internal static class FeedBytes
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Checks the body and returns it as text.</summary>
    public static string AssertWellFormed(byte[] body)
    {
        Assert.False(body.AsSpan().StartsWith(Encoding.UTF8.Preamble), "The feed starts with a byte order mark.");
        var lineStart = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == (byte)'\n')
            {
                Assert.True(i > 0 && body[i - 1] == (byte)'\r', $"A bare LF at byte {i}.");
                var line = body.AsSpan(lineStart, i - 1 - lineStart);
                Assert.True(line.Length <= 75, $"A line of {line.Length} octets: {Encoding.UTF8.GetString(line)}");
                // Each physical line must decode on its own: a fold inside a UTF-8 sequence would not.
                Strict.GetString(line);
                lineStart = i + 1;
            }
            else if (body[i] == (byte)'\r')
            {
                Assert.True(i + 1 < body.Length && body[i + 1] == (byte)'\n', $"A bare CR at byte {i}.");
            }
        }
        Assert.Equal(body.Length, lineStart);
        var text = Strict.GetString(body);
        Assert.DoesNotContain('\uFFFD', text);
        return text;
    }
}
