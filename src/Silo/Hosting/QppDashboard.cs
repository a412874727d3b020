using Orleans.Dashboard;

namespace QppOrleans.Silo.Hosting;

/// <summary>
/// The Orleans Dashboard: every silo collects for it, and the API serves it to operators
/// (<c>/dashboard</c>, the operator policy). Its live log stream is off: log lines name people.
/// </summary>
public static class QppDashboard
{
    public const string Path = "/dashboard";

    public static void Configure(DashboardOptions options) => options.HideTrace = true;
}
