using Xunit.Abstractions;
using System.Text.Json;
using InclusionNetwork.GraphQL.Engine.Types;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.GraphQL.Tests;

/// <summary>
/// The served schema must never contradict the public contract. The reference
/// implementation's findBreakingChanges compares them: a removed or changed type, field,
/// argument or enum value of the contract would break its clients.
/// </summary>
public sealed class ContractTests(ITestOutputHelper output)
{
    private static string ContractPath => ContractFile("schema.graphql");

    private static string ContractFile(string name) => Path.Combine(RepositoryRoot.Path, "..", "shared", "contract", name);

    [Theory]
    [InlineData("schema.graphql")]
    // Every issue behind the next contract has landed, so it is served whole too.
    [InlineData("schema-next.graphql")]
    public async Task Nothing_served_contradicts_or_leaves_out_the_contract(string contract)
    {
        var changes = await BreakingChangesAsync(contractPath: ContractFile(contract));

        foreach (var change in changes)
        {
            output.WriteLine($"{change.Type}: {change.Description}");
        }
        Assert.Empty(changes.Select(c => $"{c.Type}: {c.Description}"));
    }

    [Fact]
    public async Task The_check_itself_notices_a_contradiction()
    {
        // Guards the guard: a schema that changes a contract field's type must be reported.
        var changed = ServedSdl().Replace("  name: String!\n  email: String!\n  roles: [Role!]!", "  name: Int!\n  email: String!\n  roles: [Role!]!", StringComparison.Ordinal);
        Assert.NotEqual(ServedSdl(), changed);

        var changes = await BreakingChangesAsync(changed);

        Assert.Contains(changes, c => c.Type == "FIELD_CHANGED_KIND" && c.Description.Contains("Viewer.name", StringComparison.Ordinal));
    }

    /// <summary>The schema as the Silo builds it, printed as SDL.</summary>
    internal static string ServedSdl()
    {
        var services = new ServiceCollection().AddInclusionSchema().BuildServiceProvider();
        return SchemaPrinter.Print(services.GetRequiredService<Schema>());
    }

    private static async Task<IReadOnlyList<(string Type, string Description)>> BreakingChangesAsync(string? servedSdl = null, string? contractPath = null)
    {
        var ours = Path.Combine(Path.GetTempPath(), $"served-schema-{Guid.NewGuid():N}.graphql");
        await File.WriteAllTextAsync(ours, servedSdl ?? ServedSdl());
        try
        {
            var (exitCode, stdout, stderr) = await NodeTool.RunAsync(
                Path.Combine(RepositoryRoot.Path, "tests", "GraphQL.Tests", "js"), "find-breaking-changes.mjs", contractPath ?? ContractPath, ours);
            Assert.True(exitCode == 0, $"The contract check failed to run: {stderr}");
            return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonDocument.Parse(line).RootElement)
                .Select(e => (e.GetProperty("type").GetString()!, e.GetProperty("description").GetString()!))
                .ToList();
        }
        finally
        {
            File.Delete(ours);
        }
    }
}
