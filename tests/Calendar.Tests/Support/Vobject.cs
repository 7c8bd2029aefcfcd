using System.Text.Json;

namespace InclusionNetwork.Calendar.Tests.Support;

/// <summary>
/// Parses and strictly validates calendars with Debian's python3-vobject. Runs /usr/bin/python3
/// by full path: that is the interpreter that sees Debian's packages, whatever else is on PATH.
/// </summary>
internal static class Vobject
{
    private const string Python = "/usr/bin/python3";
    private const string Hint = "Install Debian's vobject for the system python: apt-get install -y python3-vobject.";

    public static JsonElement Read(string calendar)
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing. {Hint}");
        }

        var file = TestPaths.NewTempFile(".ics");
        try
        {
            File.WriteAllText(file, calendar, CalendarWriter.Utf8);
            var result = ExternalProcess.Run(
                Python,
                [Path.Combine(TestPaths.PythonDirectory, "read_calendar.py"), file],
                TestPaths.PythonDirectory,
                Hint,
                TimeSpan.FromSeconds(60));
            if (result.StandardError.Contains("No module named 'vobject'", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{Python} cannot import vobject. {Hint}");
            }

            Assert.True(result.ExitCode == 0, $"vobject rejected the calendar (exit {result.ExitCode}):\n{result.StandardError}");
            return JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
