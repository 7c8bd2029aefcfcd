using System.Text.Json;

namespace InclusionNetwork.Calendar.Tests.Support;

/// <summary>
/// Parses calendars with Mozilla's ical.js (the npm project in js/), installing it with
/// <c>npm ci</c> from the committed lock file the first time a run needs it.
/// </summary>
internal static class IcalJs
{
    private const string NodeHint = "Install Node.js 20 or later so that 'node' and 'npm' are on PATH (Debian: apt-get install -y nodejs npm).";
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static bool installed;

    /// <summary>Writes <paramref name="calendar"/> to a file, reads it with ical.js and returns the JSON it printed.</summary>
    public static JsonElement Read(string calendar, int occurrenceLimit = 30)
    {
        EnsureInstalled();
        var file = TestPaths.NewTempFile(".ics");
        try
        {
            File.WriteAllText(file, calendar, CalendarWriter.Utf8);
            var result = ExternalProcess.Run(
                "node",
                ["read-calendar.mjs", file, occurrenceLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                TestPaths.JsDirectory,
                NodeHint,
                TimeSpan.FromSeconds(60));
            Assert.True(result.ExitCode == 0, $"ical.js could not read the calendar (exit {result.ExitCode}):\n{result.StandardError}");
            return JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Runs <c>npm ci</c> once per test run when node_modules is missing. The in-process lock keeps
    /// parallel test classes from installing twice; the file lock does the same across processes.
    /// </summary>
    private static void EnsureInstalled()
    {
        InstallLock.Wait();
        try
        {
            if (installed)
            {
                return;
            }

            var lockPath = Path.Combine(Path.GetTempPath(), "inclusionnetwork-calendar-npm-ci.lock");
            using (OpenExclusive(lockPath))
            {
                if (!File.Exists(Path.Combine(TestPaths.JsDirectory, "node_modules", "ical.js", "package.json")))
                {
                    var result = ExternalProcess.Run(
                        "npm",
                        ["ci", "--no-audit", "--no-fund"],
                        TestPaths.JsDirectory,
                        NodeHint,
                        TimeSpan.FromMinutes(5));
                    Assert.True(result.ExitCode == 0, $"npm ci failed in {TestPaths.JsDirectory} (exit {result.ExitCode}):\n{result.StandardError}");
                }
            }

            installed = true;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static FileStream OpenExclusive(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another test process holds the install lock; wait for its npm ci to finish.
                Thread.Sleep(250);
            }
        }
    }
}
