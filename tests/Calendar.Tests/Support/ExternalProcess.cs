using System.ComponentModel;
using System.Diagnostics;

namespace InclusionNetwork.Calendar.Tests.Support;

/// <summary>Runs an outside program to completion and hands back what it printed.</summary>
internal static class ExternalProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>
    /// Runs <paramref name="fileName"/>; when it cannot be started, fails with
    /// <paramref name="installHint"/> so the reader knows what to install rather than seeing a skip.
    /// </summary>
    public static Result Run(string fileName, IEnumerable<string> arguments, string workingDirectory, string installHint, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start. {installHint}");
        }
        catch (Win32Exception notFound)
        {
            throw new InvalidOperationException($"Cannot run '{fileName}' ({notFound.Message}). {installHint}", notFound);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"'{fileName} {string.Join(' ', arguments)}' did not finish within {timeout}.");
            }

            return new Result(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        }
    }
}
