using InclusionNetwork.GraphQL.Engine.Http;

namespace InclusionNetwork.GraphQL.Engine.Tests.Http;

public sealed class GraphQLMediaTypesTests
{
    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json, application/json", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json;q=0.9, application/json", "application/json")]
    [InlineData("application/json;charset=utf-8", "application/json")]
    [InlineData("text/html, */*;q=0.1", "application/json")]
    [InlineData("text/html", null)]
    [InlineData("application/json;q=0", null)]
    public void Chooses_by_quality_then_specificity(string? accept, string? expected)
    {
        Assert.Equal(expected, GraphQLMediaTypes.Negotiate(accept));
    }
}
