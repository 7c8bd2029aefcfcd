using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Security;

/// <summary>
/// One caller has one large GraphQL body in flight at a time: a second, sent while the first is
/// still arriving, is refused 429 unread, with or without a stated length, while the same
/// caller's ordinary queries go on being answered and the first completes.
/// </summary>
[Collection(PostgresCollection.Second)]
public sealed class LargeBodyTests(PostgresFixture postgres)
{
    private static string Padded(int bytes) => "# " + new string('x', bytes) + "\n{ areas { id } }";

    [Fact]
    public async Task A_second_large_body_from_one_caller_is_refused_while_the_first_is_still_arriving()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateMigratedDatabaseAsync());
        using var client = silo.CreateClient();

        // The first large body: its length stated, half sent, the rest held back until released.
        var held = new HeldBackContent(JsonSerializer.SerializeToUtf8Bytes(new { query = Padded(100_000) }));
        var first = client.PostAsync("/graphql", held);
        await held.HalfSent;
        // Half sent by the client is not yet taken by the silo: a second body that got there
        // first would take the caller's turn, and the first would be refused.
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        // A second large body, whether its length is stated or not, is refused at once: the
        // first is still being read. The refusal says to come back, and why.
        HttpResponseMessage refused = null!;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            // On a busy machine the first may reach the silo later still; then this one is
            // answered in full and the next attempt finds the first in flight.
            refused = await client.PostAsync("/graphql", JsonContent(Padded(50_000)));
            if (refused.StatusCode == HttpStatusCode.TooManyRequests)
            {
                break;
            }
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("1", refused.Headers.RetryAfter?.ToString());
        Assert.Contains("still being read", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        var chunked = await client.PostAsJsonAsync("/graphql", new { query = Padded(50_000) });
        Assert.Equal(HttpStatusCode.TooManyRequests, chunked.StatusCode);

        // Ordinary queries from the same caller, with a length or without, are answered meanwhile.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/graphql", JsonContent("{ areas { id } }"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/graphql", new { query = "{ areas { id } }" })).StatusCode);
        Assert.False(first.IsCompleted);

        // Released, the first is answered as any query is, and the caller's next large body is taken.
        held.Release();
        var firstAnswer = await first;
        Assert.Equal(HttpStatusCode.OK, firstAnswer.StatusCode);
        Assert.True((await firstAnswer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").TryGetProperty("areas", out _));
        var next = await client.PostAsJsonAsync("/graphql", new { query = Padded(50_000) });
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    private static ByteArrayContent JsonContent(string query)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { query }));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>A JSON body of stated length that sends its first half, then waits to be released before sending the rest.</summary>
    private sealed class HeldBackContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly TaskCompletionSource _halfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldBackContent(byte[] body)
        {
            _body = body;
            Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        public Task HalfSent => _halfSent.Task;

        public void Release() => _released.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = _body.Length / 2;
            await stream.WriteAsync(_body.AsMemory(0, half));
            await stream.FlushAsync();
            _halfSent.TrySetResult();
            await _released.Task;
            await stream.WriteAsync(_body.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }
    }
}
