using System.Text.Json;

namespace InclusionNetwork.GraphQL.Engine.Http;

/// <summary>The GraphQL-over-HTTP request parameters: query, operationName, variables, extensions.</summary>
internal sealed record GraphQLHttpRequest(
    string Query,
    string? OperationName,
    IReadOnlyDictionary<string, object?>? Variables,
    IReadOnlyDictionary<string, JsonElement>? Extensions);
