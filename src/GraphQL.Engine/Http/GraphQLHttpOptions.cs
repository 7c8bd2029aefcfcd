using InclusionNetwork.GraphQL.Engine.Limits;
using Microsoft.AspNetCore.Http;

namespace InclusionNetwork.GraphQL.Engine.Http;

/// <summary>How <c>MapGraphQL</c> serves requests.</summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>Body size, token, depth, alias and cost limits.</summary>
    public RequestLimits Limits { get; init; } = RequestLimits.Default;

    /// <summary>Parsed and validated documents kept by query text, least recently used dropped first.</summary>
    public int DocumentCacheSize { get; init; } = 1000;

    /// <summary>
    /// The most the document cache may hold, estimated from the parsed documents (the cache
    /// keeps no query text). A document larger than this is parsed every time it is sent.
    /// </summary>
    public long DocumentCacheBytes { get; init; } = DocumentCache.DefaultMaxBytes;

    /// <summary>
    /// Called before execution to put per-request state in the resolvers' <c>Items</c>, e.g.
    /// <c>(http, items) =&gt; { items["viewer"] = http.User; return ValueTask.CompletedTask; }</c>.
    /// </summary>
    public Func<HttpContext, IDictionary<string, object?>, ValueTask>? OnRequest { get; init; }

    /// <summary>Decides when each operation may run given its estimated cost; see <see cref="Execution.IExecutionAdmission"/>.</summary>
    public Execution.IExecutionAdmission? Admission { get; init; }

    /// <summary>Names failures that are not faults; see <see cref="Execution.ExecutionRequest.KnownFailure"/>.</summary>
    public Func<Exception, Execution.GraphQLException?>? KnownFailure { get; init; }

    /// <summary>
    /// Called when a request is answered without being executed because something was wrong
    /// with it (a malformed body, a syntax or validation error, a limit exceeded), whatever the
    /// status code the response type gives it: a host can count such requests against their
    /// caller. Not called for a request turned away only because the server was busy.
    /// </summary>
    public Action<HttpContext>? OnRequestRefused { get; init; }

    /// <summary>The root fields' parent value, if the schema's resolvers want one.</summary>
    public Func<HttpContext, object?>? RootValue { get; init; }
}
