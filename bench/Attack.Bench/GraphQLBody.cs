using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace InclusionNetwork.Attack.Bench;

/// <summary>
/// A GraphQL POST body (<c>{"query": ...}</c> as UTF-8 JSON) encoded once and sent as often as
/// wanted. The attacker and the ordinary visitor share this driver and its machine, where a real
/// attacker would have a machine of its own: encoding a megabyte body for every request (a
/// string, its JSON, its UTF-8) would spend the very cores the silos and the visitor need, and
/// show as latency the silos did not cause.
/// </summary>
internal sealed class GraphQLBody
{
    private static readonly byte[] End = "\"}"u8.ToArray();

    private readonly byte[] _start;
    private readonly bool _numbered;

    private GraphQLBody(byte[] start, bool numbered) => (_start, _numbered) = (start, numbered);

    /// <summary>The same body every time.</summary>
    public static GraphQLBody Of(string query) => new(JsonSerializer.SerializeToUtf8Bytes(new { query }), numbered: false);

    /// <summary>
    /// The query followed by the request's number, so every body is distinct (for a cache keyed by
    /// the text) at the cost of a few bytes per request. The query must end inside a comment or
    /// where a number is harmless.
    /// </summary>
    public static GraphQLBody Numbered(string query)
    {
        var whole = JsonSerializer.SerializeToUtf8Bytes(new { query });
        return new(whole[..^End.Length], numbered: true);
    }

    public HttpContent Content(int index) => _numbered
        ? new Parts(_start, System.Text.Encoding.ASCII.GetBytes(index.ToString(CultureInfo.InvariantCulture)), End)
        : new Parts(_start, [], []);

    /// <summary>Writes the shared bytes as they are, with a stated length, as StringContent would send them.</summary>
    private sealed class Parts : HttpContent
    {
        private readonly byte[] _start;
        private readonly byte[] _middle;
        private readonly byte[] _end;

        public Parts(byte[] start, byte[] middle, byte[] end)
        {
            (_start, _middle, _end) = (start, middle, end);
            Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_start);
            await stream.WriteAsync(_middle);
            await stream.WriteAsync(_end);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _start.Length + _middle.Length + _end.Length;
            return true;
        }
    }
}
