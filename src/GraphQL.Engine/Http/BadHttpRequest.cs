using InclusionNetwork.GraphQL.Engine.Execution;

namespace InclusionNetwork.GraphQL.Engine.Http;

/// <summary>A request that is not a well-formed GraphQL-over-HTTP request, and the status to answer it with.</summary>
internal sealed class BadHttpRequest(int statusCode, string message, string code = ErrorCodes.BadRequest) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;
}
