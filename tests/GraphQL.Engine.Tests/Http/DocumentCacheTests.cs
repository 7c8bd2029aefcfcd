using InclusionNetwork.GraphQL.Engine.Http;
using InclusionNetwork.GraphQL.Engine.Limits;

namespace InclusionNetwork.GraphQL.Engine.Tests.Http;

public sealed class DocumentCacheTests
{
    [Fact]
    public void Returns_the_same_document_for_the_same_text_and_evicts_the_least_recently_used()
    {
        var cache = new DocumentCache(2);
        var schema = GraphQLTestServer.Schema;
        var first = cache.GetOrAdd(schema, "{ hello }", RequestLimits.Default);
        cache.GetOrAdd(schema, "{ viewer }", RequestLimits.Default);

        Assert.Same(first.Document, cache.GetOrAdd(schema, "{ hello }", RequestLimits.Default).Document);
        cache.GetOrAdd(schema, "{ a: hello }", RequestLimits.Default);

        Assert.Equal(2, cache.Count);
        Assert.Same(first.Document, cache.GetOrAdd(schema, "{ hello }", RequestLimits.Default).Document);
        Assert.NotSame(
            cache.GetOrAdd(schema, "{ viewer }", RequestLimits.Default).Document,
            new DocumentCache(2).GetOrAdd(schema, "{ viewer }", RequestLimits.Default).Document);
    }

    [Fact]
    public void Keeps_parse_and_validation_errors_with_the_text()
    {
        var cache = new DocumentCache(10);
        var syntax = cache.GetOrAdd(GraphQLTestServer.Schema, "{", RequestLimits.Default);
        var invalid = cache.GetOrAdd(GraphQLTestServer.Schema, "{ nope }", RequestLimits.Default);

        Assert.Null(syntax.Document);
        Assert.Equal("GRAPHQL_PARSE_FAILED", Assert.Single(syntax.Errors).Code);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", Assert.Single(invalid.Errors).Code);
    }

    [Fact]
    public void Keeps_the_parsed_document_but_not_the_text_it_came_from()
    {
        // Bodies padded with comments: each text is distinct, so each is an entry, but what an
        // entry holds is the small parsed document, not the quarter of a megabyte sent.
        var cache = new DocumentCache(1000, maxBytes: 64 * 1024 * 1024);
        var padding = "# " + new string('x', 128 * 1024) + "\n";
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < 200; i++)
        {
            var entry = cache.GetOrAdd(GraphQLTestServer.Schema, padding + "{ hello } # " + i, RequestLimits.Default);
            Assert.NotNull(entry.Document);
        }

        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.Equal(200, cache.Count);
        Assert.True(retained < 8 * 1024 * 1024, $"The cache holds {retained / (1024 * 1024)} MiB for 200 small documents.");
        Assert.True(cache.Bytes < 200 * 2048, $"The cache counts {cache.Bytes} bytes for 200 small documents.");
        GC.KeepAlive(cache);
    }

    [Fact]
    public void Never_holds_more_than_its_byte_cap()
    {
        const long cap = 64 * 1024;
        var cache = new DocumentCache(1000, cap);
        var schema = GraphQLTestServer.Schema;
        for (var i = 0; i < 300; i++)
        {
            // Distinct documents of some size: many fields with arguments.
            var query = "{ " + string.Join(" ", Enumerable.Range(0, 20).Select(j => $"f{j}: double(value: {i * 100 + j})")) + " }";
            Assert.NotNull(cache.GetOrAdd(schema, query, RequestLimits.Default with { MaxAliases = null }).Document);
            Assert.True(cache.Bytes <= cap, $"The cache holds {cache.Bytes} bytes after {i + 1} documents.");
        }

        Assert.InRange(cache.Count, 2, 299);

        // A document bigger than the whole cap is answered but not kept.
        var huge = "{ " + string.Join(" ", Enumerable.Range(0, 2000).Select(j => $"a{j}: hello")) + " }";
        var countBefore = cache.Count;
        Assert.NotNull(cache.GetOrAdd(schema, huge, RequestLimits.Default with { MaxAliases = null }).Document);
        Assert.Equal(countBefore, cache.Count);
        Assert.True(cache.Bytes <= cap);
    }

    [Fact]
    public void Caches_nothing_for_an_abandoned_request()
    {
        var cache = new DocumentCache(10);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var query = "{ " + string.Join(" ", Enumerable.Repeat("hello", 2000)) + " }";

        Assert.ThrowsAny<OperationCanceledException>(() => cache.GetOrAdd(GraphQLTestServer.Schema, query, RequestLimits.Default, cancelled.Token));
        Assert.Equal(0, cache.Count);
    }
}
