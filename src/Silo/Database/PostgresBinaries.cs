namespace InclusionNetwork.Silo.Database;

/// <summary>
/// Finds the PostgreSQL server programs (initdb, pg_ctl, postgres) on this machine, in
/// the order the README promises: PATH, then <c>pg_config --bindir</c>, then the newest
/// <c>/usr/lib/postgresql/*/bin</c> (where Debian and Ubuntu put them, off PATH).
/// </summary>
public sealed record PostgresBinaries(string BinDirectory)
{
    public const string InstallHint =
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found on PATH, via pg_config or under /usr/lib/postgresql/*/bin. " +
        "Install them (Debian/Ubuntu: sudo apt-get install postgresql) or set ConnectionStrings__Postgres to an existing server.";

    public string InitDb => Path.Combine(BinDirectory, "initdb");
    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    /// <param name="binDirectory">When set (<c>Postgres:Embedded:BinDirectory</c>), the only place looked at.</param>
    public static PostgresBinaries? Locate(string? binDirectory = null)
    {
        foreach (var candidate in binDirectory is null ? CandidateDirectories() : [binDirectory])
        {
            if (HasServerPrograms(candidate))
            {
                return new PostgresBinaries(candidate);
            }
        }
        return null;
    }

    private static IEnumerable<string> CandidateDirectories()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            // pg_ctl on PATH is often a symlink into the real bin folder; the real folder is
            // the one that also holds `postgres`.
            var pgCtl = Path.Combine(dir, "pg_ctl");
            if (File.Exists(pgCtl))
            {
                var resolved = new FileInfo(pgCtl).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? pgCtl;
                yield return Path.GetDirectoryName(resolved)!;
            }
        }

        var fromPgConfig = BinDirFromPgConfig();
        if (fromPgConfig is not null)
        {
            yield return fromPgConfig;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var versions = Directory.GetDirectories(debianRoot)
                .Select(d => (dir: d, version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(x => x.version >= 0)
                .OrderByDescending(x => x.version);
            foreach (var (dir, _) in versions)
            {
                yield return Path.Combine(dir, "bin");
            }
        }
    }

    private static bool HasServerPrograms(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) &&
        File.Exists(Path.Combine(dir, "pg_ctl")) &&
        File.Exists(Path.Combine(dir, "postgres"));

    private static string? BinDirFromPgConfig()
    {
        try
        {
            var result = ProcessRunner.Run("pg_config", ["--bindir"], runAsUser: null, TimeSpan.FromSeconds(10));
            return result.ExitCode == 0 ? result.Output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // pg_config is not installed: fall through to the next place to look.
            return null;
        }
    }
}
