namespace InclusionNetwork.Calendar.Tests.Support;

/// <summary>Finds this test project's source folder, where the node and python readers live.</summary>
internal static class TestPaths
{
    public static string ProjectDirectory { get; } = FindProjectDirectory();

    public static string JsDirectory => Path.Combine(ProjectDirectory, "js");

    public static string PythonDirectory => Path.Combine(ProjectDirectory, "python");

    /// <summary>A fresh file under the system temp folder for one calendar, deleted by the caller.</summary>
    public static string NewTempFile(string extension) =>
        Path.Combine(Path.GetTempPath(), $"inclusionnetwork-calendar-{Guid.NewGuid():N}{extension}");

    private static string FindProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Calendar.Tests.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Calendar.Tests.csproj not found above {AppContext.BaseDirectory}.");
    }
}
