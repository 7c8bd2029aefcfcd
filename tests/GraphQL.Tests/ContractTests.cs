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
    private static string ContractPath => Path.Combine(RepositoryRoot.Path, "..", "shared", "contract", "schema.graphql");

    /// <summary>What findBreakingChanges reports for parts of the contract not served yet.</summary>
    private static readonly HashSet<string> Missing = ["TYPE_REMOVED", "FIELD_REMOVED", "VALUE_REMOVED_FROM_ENUM", "ARG_REMOVED"];

    [Fact]
    public async Task Nothing_served_contradicts_the_contract()
    {
        var changes = await BreakingChangesAsync();

        foreach (var change in changes.Where(c => Missing.Contains(c.Type)))
        {
            output.WriteLine($"not served yet: {change.Description}");
        }
        Assert.Empty(changes.Where(c => !Missing.Contains(c.Type)).Select(c => $"{c.Type}: {c.Description}"));
    }

    /// <summary>The schema as the Silo builds it, printed as SDL.</summary>
    internal static string ServedSdl()
    {
        var services = new ServiceCollection().AddInclusionSchema().BuildServiceProvider();
        return SchemaPrinter.Print(services.GetRequiredService<Schema>());
    }

    private static async Task<IReadOnlyList<(string Type, string Description)>> BreakingChangesAsync()
    {
        var ours = Path.Combine(Path.GetTempPath(), $"served-schema-{Guid.NewGuid():N}.graphql");
        await File.WriteAllTextAsync(ours, ServedSdl());
        try
        {
            var (exitCode, stdout, stderr) = await NodeTool.RunAsync(
                Path.Combine(RepositoryRoot.Path, "tests", "GraphQL.Tests", "js"), "find-breaking-changes.mjs", ContractPath, ours);
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
