using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Calendars;

/// <summary>
/// The outside readers feeds are proven against: Mozilla's ical.js (the npm project in
/// calendar-tools/, installed with npm ci on first use), Debian's python3-vobject, which also
/// validates strictly, and Debian's python3-icalendar.
/// </summary>
internal static class CalendarTools
{
    private const string Python = "/usr/bin/python3";
    private const string VobjectHint = "Install Debian's vobject for the system python: apt-get install -y python3-vobject python3-tz.";
    private const string IcalendarHint = "Install Debian's icalendar for the system python: apt-get install -y python3-icalendar.";

    private static string ToolsDirectory => Path.Combine(RepositoryRoot.Path, "tests", "Silo.Tests", "calendar-tools");

    public static async Task<JsonElement> IcalJsAsync(string calendar)
    {
        var file = await WriteTempAsync(calendar);
        try
        {
            var (exitCode, output, error) = await NodeTool.RunAsync(ToolsDirectory, "read-calendar.mjs", file);
            Assert.True(exitCode == 0, $"ical.js could not read the feed (exit {exitCode}):\n{error}\n{calendar}");
            return JsonDocument.Parse(output).RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static Task<JsonElement> VobjectAsync(string calendar) => PythonAsync("read_calendar.py", "vobject", VobjectHint, calendar);

    public static Task<JsonElement> IcalendarAsync(string calendar) => PythonAsync("read_calendar_icalendar.py", "icalendar", IcalendarHint, calendar);

    private static async Task<JsonElement> PythonAsync(string script, string module, string hint, string calendar)
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing. {hint}");
        }
        var file = await WriteTempAsync(calendar);
        try
        {
            var start = new ProcessStartInfo(Python)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
                StandardErrorEncoding = System.Text.Encoding.UTF8,
            };
            start.ArgumentList.Add(Path.Combine(ToolsDirectory, script));
            start.ArgumentList.Add(file);
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start. {hint}");
            }
            catch (Win32Exception e)
            {
                throw new InvalidOperationException($"Cannot run {Python} ({e.Message}). {hint}", e);
            }
            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                if ((await error).Contains($"No module named '{module}'", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{Python} cannot import {module}. {hint}");
                }
                Assert.True(process.ExitCode == 0, $"{module} rejected the feed (exit {process.ExitCode}):\n{await error}\n{calendar}");
                return JsonDocument.Parse(await output).RootElement.Clone();
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> WriteTempAsync(string calendar)
    {
        var file = Path.Combine(Path.GetTempPath(), $"inclusion-feed-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, calendar, new System.Text.UTF8Encoding(false));
        return file;
    }
}
