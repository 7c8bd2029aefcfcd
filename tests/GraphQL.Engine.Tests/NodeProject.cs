using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace InclusionNetwork.GraphQL.Engine.Tests;

/// <summary>
/// The npm project in <c>js/</c> holding the reference tools (graphql-js, graphql-http). Its
/// node_modules are installed with <c>npm ci</c> on first use, once, even when several tests
/// (or test processes) ask at the same time.
/// </summary>
internal static class NodeProject
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static bool _installed;

    public static string Directory { get; } = Path.Combine(SourceDirectory(), "js");

    public static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (_installed)
            {
                return;
            }

            // Another test process may be installing too: a lock file in the temp folder serialises them.
            using var crossProcess = await AcquireFileLockAsync(Path.Combine(Path.GetTempPath(), "inclusionnetwork-graphql-engine-npm.lock"));
            if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "graphql-http")))
            {
                var (exitCode, output, error) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
                Assert.True(exitCode == 0, $"npm ci failed ({exitCode}):\n{output}\n{error}");
            }

            _installed = true;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>Runs <c>node script args</c> in the project folder and returns its standard output; fails the test on a non-zero exit.</summary>
    public static async Task<string> RunNodeAsync(string script, params string[] arguments)
    {
        await EnsureInstalledAsync();
        var (exitCode, output, error) = await RunAsync("node", [script, .. arguments], TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, $"node {script} failed ({exitCode}):\n{error}");
        return output;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancellation.Token);
        return (process.ExitCode, await output, await error);
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(500);
            }
        }
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
