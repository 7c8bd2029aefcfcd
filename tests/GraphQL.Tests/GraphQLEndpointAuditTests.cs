using InclusionNetwork.TestSupport;

namespace InclusionNetwork.GraphQL.Tests;

/// <summary>
/// The Silo's real /graphql, with its authentication, cross-site protection and headers in
/// front, still meets every GraphQL-over-HTTP audit (the engine's own endpoint is audited
/// in the engine's tests; this proves the host adds nothing that breaks it).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GraphQLEndpointAuditTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_live_endpoint_passes_the_graphql_http_audit_without_errors_or_warnings()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateMigratedDatabaseAsync());

        var (exitCode, stdout, stderr) = await NodeTool.RunAsync(
            Path.Combine(RepositoryRoot.Path, "tests", "GraphQL.Tests", "js"), "audit-live-endpoint.mjs", new Uri(silo.BaseAddress, "/graphql").ToString());

        Assert.True(exitCode == 0, $"The audit failed to run: {stderr}");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("{\"done\":true}", lines[^1]);
        Assert.Empty(lines[..^1]);
    }
}
