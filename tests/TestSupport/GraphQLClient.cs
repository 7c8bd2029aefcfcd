using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace InclusionNetwork.TestSupport;

/// <summary>Posts GraphQL requests to the Silo's /graphql as a real client would.</summary>
public static class GraphQLClient
{
    public static async Task<GraphQLResponse> GraphQLAsync(this HttpClient client, string query, object? variables = null, string? operationName = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables, operationName }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return new GraphQLResponse((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"/graphql answered {(int)response.StatusCode} with a body that is not JSON: {text}", e);
        }
    }
}
