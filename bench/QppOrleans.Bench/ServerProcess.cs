using System.Globalization;

namespace QppOrleans.Bench;

/// <summary>The server's CPU time and memory, read from /proc while the benchmark runs.</summary>
internal sealed class ServerProcess(int pid)
{
    /// <summary>Resident memory now and its peak so far, in MiB.</summary>
    public (double Rss, double Peak) Memory()
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return (Field(status, "VmRSS:"), Field(status, "VmHWM:"));
    }

    /// <summary>User plus system CPU seconds used so far.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static double Field(string[] status, string name) =>
        long.Parse(status.First(l => l.StartsWith(name, StringComparison.Ordinal))[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
}
