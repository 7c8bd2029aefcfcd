using System.Collections.Concurrent;
using System.Text.Json;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;
using InclusionNetwork.Web.Session;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InclusionNetwork.Web.GraphQL;

/// <summary>
/// Runs a page's GraphQL document in process against the same schema as <c>/graphql</c>, as
/// the signed-in viewer, with the same limits: who sees what is decided by the resolvers
/// alone, and a page can ask for nothing the API would refuse.
/// </summary>
public sealed class PageGraphQL(Schema schema, IPageSession session, IOptions<WebPagesOptions> options, ILoggerFactory loggers)
{
    private static readonly ConcurrentDictionary<string, string> Documents = new(StringComparer.Ordinal);

    /// <summary>Error codes of failures on our side, which no page may take for an answer.</summary>
    private static readonly HashSet<string> ServerFailures =
        [ErrorCodes.InternalServerError, ErrorCodes.ServerBusy, ErrorCodes.ServiceUnavailable];
    private readonly ILogger logger = loggers.CreateLogger("InclusionNetwork.Web.PageGraphQL");

    /// <summary>
    /// Executes the document <paramref name="document"/> (its path under Pages/, e.g.
    /// <c>Directory/Index.graphql</c>) with <paramref name="variables"/> (an anonymous object
    /// or dictionary, serialised as JSON would be). Field errors of the visitor's making
    /// (not found, not allowed, bad input) come back in the result for the page to judge. A
    /// document the schema refuses is a bug, and a field that failed on our side (a busy
    /// database, a silo going away) is not the visitor's answer: both throw, and the visitor
    /// sees a service problem (503), never a page that reads the gap as "not found" or "not yours".
    /// </summary>
    public async Task<PageData> ExecuteAsync(HttpContext context, string document, object? variables = null)
    {
        var result = await Executor.ExecuteAsync(schema, new ExecutionRequest
        {
            Query = Load(document),
            Variables = Variables(variables),
            Services = context.RequestServices,
            Items = new Dictionary<string, object?>(StringComparer.Ordinal) { [RequestItems.ViewerKey] = session.Viewer(context) },
            Logger = logger,
            Limits = options.Value.Limits,
            Admission = options.Value.Admission,
            KnownFailure = options.Value.KnownFailure,
        }, context.RequestAborted);
        if (!result.ExecutionStarted || result.Errors.Any(e => ServerFailures.Contains(e.Code)))
        {
            throw new PageGraphQLException(document, result.Errors);
        }
        using var json = JsonDocument.Parse(result.ToJson());
        var data = json.RootElement.TryGetProperty("data", out var d) ? d.Clone() : default;
        return new PageData(data, result.Errors);
    }

    private static string Load(string document) => Documents.GetOrAdd(document, name =>
    {
        using var stream = typeof(PageGraphQL).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"No page document '{name}' is embedded; put it beside its page under Pages/.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Variables as JSON values, which the engine coerces exactly as it does those of an HTTP request.</summary>
    private static Dictionary<string, object?>? Variables(object? variables)
    {
        if (variables is null)
        {
            return null;
        }
        var element = JsonSerializer.SerializeToElement(variables);
        return element.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value, StringComparer.Ordinal);
    }
}

/// <summary>A page document's answer: <c>data</c> as JSON, and any field errors.</summary>
public sealed record PageData(JsonElement Data, IReadOnlyList<GraphQLError> Errors)
{
    public bool HasErrors => Errors.Count > 0;

    /// <summary>The first error code, e.g. <c>NOT_FOUND</c> or <c>FORBIDDEN</c>, or null.</summary>
    public string? FirstCode => Errors.Count > 0 ? Errors[0].Code : null;
}

/// <summary>
/// The schema refused a page's document before running it (a fault in the page), or a field
/// failed on our side: never the visitor's doing.
/// </summary>
public sealed class PageGraphQLException(string document, IReadOnlyList<GraphQLError> errors)
    : Exception($"The page document '{document}' was refused or failed: {string.Join(" ", errors.Select(e => $"[{e.Code}] {e.Message}"))}")
{
    public IReadOnlyList<GraphQLError> Errors { get; } = errors;
}
