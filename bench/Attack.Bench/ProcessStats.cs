using System.Globalization;
using System.Runtime.InteropServices;

namespace InclusionNetwork.Attack.Bench;

/// <summary>A process's memory and CPU as Linux reports them in <c>/proc/PID</c>.</summary>
internal static class ProcessStats
{
    private const int ClockTicksName = 2; // _SC_CLK_TCK

    private static readonly double ClockTicksPerSecond = Math.Max(1, SystemConfiguration(ClockTicksName));

    /// <summary>Resident memory now (<c>VmRSS</c>), in bytes; 0 once the process is gone.</summary>
    public static long ResidentBytes(int pid) => StatusKilobytes(pid, "VmRSS:") * 1024;

    /// <summary>The peak resident memory (<c>VmHWM</c>) since start or the last <see cref="TryResetPeak"/>, in bytes.</summary>
    public static long PeakResidentBytes(int pid) => StatusKilobytes(pid, "VmHWM:") * 1024;

    /// <summary>Resets <c>VmHWM</c> to the current resident size (writing 5 to <c>clear_refs</c>); false where not allowed.</summary>
    public static bool TryResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>User plus system CPU time the process has used, from fields 14 and 15 of <c>/proc/PID/stat</c>.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");

        // The command name (field 2) is in parentheses and may hold spaces; count fields after it.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var userTicks = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var systemTicks = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (userTicks + systemTicks) / ClockTicksPerSecond;
    }

    /// <summary>
    /// CPU seconds of a process and its children: its own, its waited-for children's (fields 16
    /// and 17), and its live children's. For the PostgreSQL server: the postmaster and every backend.
    /// </summary>
    public static double TreeCpuSeconds(int rootPid)
    {
        var ticks = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText($"/proc/{pid}/stat");
            }
            catch (IOException)
            {
                continue; // gone meanwhile
            }

            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            if (pid == rootPid)
            {
                ticks += fields[11..15].Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
            }
            else if (parent == rootPid)
            {
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
        }

        return ticks / ClockTicksPerSecond;
    }

    private static long StatusKilobytes(int pid, string key)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid}/status");
        }
        catch (IOException)
        {
            return 0;
        }

        foreach (var line in lines)
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern long SystemConfiguration(int name);
}
