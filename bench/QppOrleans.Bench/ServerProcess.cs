using System.Globalization;

namespace QppOrleans.Bench;

/// <summary>A process's CPU time and memory, read from /proc while the benchmark runs: a server's, or this tool's own.</summary>
internal sealed class ServerProcess(int pid)
{
    /// <summary>This tool: its own CPU shows how much of the machine sending the requests took.</summary>
    public static ServerProcess Self { get; } = new(Environment.ProcessId);

    public int Pid => pid;

    /// <summary>Resident memory now and its peak so far, in MiB.</summary>
    public (double Rss, double Peak) Memory()
    {
        var status = Read(() => File.ReadAllLines($"/proc/{pid}/status"));
        return (Field(status, "VmRSS:"), Field(status, "VmHWM:"));
    }

    /// <summary>User plus system CPU seconds used so far.</summary>
    public double CpuSeconds()
    {
        var stat = Read(() => File.ReadAllText($"/proc/{pid}/stat"));
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is DirectoryNotFoundException or FileNotFoundException)
        {
            throw new ServerProcessEnded($"the server process {pid} is no longer running.");
        }
    }

    private static double Field(string[] status, string name) =>
        long.Parse(status.First(l => l.StartsWith(name, StringComparison.Ordinal))[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;

    /// <summary>
    /// CPU seconds the whole machine has been busy, all cores together (user, nice, system, irq and
    /// softirq of /proc/stat's first line): a loop whose machine had cores to spare was bound by its
    /// round trips, not by CPU.
    /// </summary>
    public static double MachineBusySeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        const int User = 0, Nice = 1, System = 2, Irq = 5, SoftIrq = 6;
        return (fields[User] + fields[Nice] + fields[System] + fields[Irq] + fields[SoftIrq]) / 100.0;
    }
}

/// <summary>A process the benchmark watches (<c>--server-pid</c>, or the baseline's) ended while it ran.</summary>
internal sealed class ServerProcessEnded(string message) : Exception(message);
