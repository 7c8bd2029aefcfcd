using System.Text.Json;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InclusionNetwork.GraphQL.Engine.Http;

/// <summary>
/// GraphQL over HTTP (the GraphQL-over-HTTP draft): GET for queries, POST with
/// <c>application/json</c>, responses as <c>application/graphql-response+json</c> or
/// <c>application/json</c> by <c>Accept</c>, and the draft's status codes: for the GraphQL
/// type, 400 when the request failed before execution and 200 once it started; for
/// <c>application/json</c>, 200 for every GraphQL response.
/// </summary>
internal sealed class GraphQLHttpHandler(Func<IServiceProvider, Schema> schemaProvider, GraphQLHttpOptions options)
{
    private const string LoggerCategory = "InclusionNetwork.GraphQL.Engine.Execution";

    private readonly DocumentCache _documents = new(options.DocumentCacheSize, options.DocumentCacheBytes);

    public DocumentCache Documents => _documents;

    public async Task HandleAsync(HttpContext http)
    {
        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (!isGet && !HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteRequestErrorAsync(http, StatusCodes.Status405MethodNotAllowed, GraphQLMediaTypes.Json,
                "GraphQL requests must use GET or POST.", ErrorCodes.BadRequest).ConfigureAwait(false);
            return;
        }

        var mediaType = GraphQLMediaTypes.Negotiate(http.Request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status406NotAcceptable, GraphQLMediaTypes.Json,
                $"The response can be {GraphQLMediaTypes.GraphQLResponseJson} or {GraphQLMediaTypes.Json}; the Accept header allows neither.",
                ErrorCodes.BadRequest).ConfigureAwait(false);
            return;
        }

        GraphQLHttpRequest request;
        try
        {
            request = isGet
                ? GraphQLHttpRequestReader.FromQueryString(http.Request.Query)
                : await GraphQLHttpRequestReader.FromBodyAsync(http.Request, options.Limits.MaxRequestBodyBytes, http.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequest e)
        {
            await WriteRequestErrorAsync(http, e.StatusCode, mediaType, e.Message, e.Code).ConfigureAwait(false);
            return;
        }

        var schema = schemaProvider(http.RequestServices);
        var entry = _documents.GetOrAdd(schema, request.Query, options.Limits, http.RequestAborted);
        if (entry.Document is null || entry.Errors.Count > 0)
        {
            await WriteResultAsync(http, mediaType, ExecutionResult.RequestFailed(entry.Errors)).ConfigureAwait(false);
            return;
        }

        if (isGet && OperationSelector.Select(entry.Document, request.OperationName, out _) is { Operation: not OperationType.Query })
        {
            // The draft: a GET must not run a mutation; 405 tells the client to use POST.
            http.Response.Headers.Allow = "POST";
            await WriteRequestErrorAsync(http, StatusCodes.Status405MethodNotAllowed, mediaType,
                "Only query operations can be sent with GET; use POST.", ErrorCodes.BadRequest).ConfigureAwait(false);
            return;
        }

        var items = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (options.OnRequest is { } onRequest)
        {
            await onRequest(http, items).ConfigureAwait(false);
        }

        var result = await Executor.ExecuteAsync(schema, new ExecutionRequest
        {
            Document = entry.Document,
            DocumentIsValidated = true,
            OperationName = request.OperationName,
            Variables = request.Variables,
            RootValue = options.RootValue?.Invoke(http),
            Services = http.RequestServices,
            Items = items,
            Logger = http.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(LoggerCategory),
            Limits = options.Limits,
            Admission = options.Admission,
            KnownFailure = options.KnownFailure,
        }, http.RequestAborted).ConfigureAwait(false);
        await WriteResultAsync(http, mediaType, result).ConfigureAwait(false);
    }

    private Task WriteResultAsync(HttpContext http, string mediaType, ExecutionResult result)
    {
        if (!result.ExecutionStarted && result.Errors is [{ Code: ErrorCodes.ServerBusy }])
        {
            // Nothing was wrong with the request: a 503 with Retry-After tells every client to come back.
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "5";
            return WriteBodyAsync(http, mediaType, result);
        }

        if (!result.ExecutionStarted)
        {
            options.OnRequestRefused?.Invoke(http);
        }

        http.Response.StatusCode = result.ExecutionStarted || mediaType == GraphQLMediaTypes.Json
            ? StatusCodes.Status200OK
            : StatusCodes.Status400BadRequest;
        return WriteBodyAsync(http, mediaType, result);
    }

    private Task WriteRequestErrorAsync(HttpContext http, int statusCode, string mediaType, string message, string code)
    {
        options.OnRequestRefused?.Invoke(http);
        http.Response.StatusCode = statusCode;
        return WriteBodyAsync(http, mediaType, ExecutionResult.RequestFailed(new GraphQLError(message, code)));
    }

    private static async Task WriteBodyAsync(HttpContext http, string mediaType, ExecutionResult result)
    {
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(http.Response.BodyWriter, new JsonWriterOptions { SkipValidation = true }))
        {
            result.WriteTo(writer);
        }

        await http.Response.BodyWriter.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }
}
