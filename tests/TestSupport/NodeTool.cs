using System.Diagnostics;

namespace InclusionNetwork.TestSupport;

/// <summary>
/// Runs a Node.js script from a test's npm project (outside reference tools such as the
/// GraphQL reference implementation), installing the project's locked dependencies once.
/// </summary>
public static class NodeTool
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <param name="projectDirectory">The folder holding package.json and package-lock.json.</param>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string projectDirectory, string script, params string[] arguments)
    {
        await EnsureInstalledAsync(projectDirectory);
        return await RunProcessAsync(projectDirectory, "node", [script, .. arguments]);
    }

    private static async Task EnsureInstalledAsync(string projectDirectory)
    {
        await InstallLock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(projectDirectory, "node_modules")))
            {
                return;
            }
            var (exitCode, output, error) = await RunProcessAsync(projectDirectory, "npm", ["ci", "--no-audit", "--no-fund"]);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed in {projectDirectory} (Node.js 20+ and npm are required): {output} {error}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<(int, string, string)> RunProcessAsync(string directory, string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {program}; install Node.js 20+ and npm.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
