using Orleans.Dashboard;
using QppOrleans.Api.Accounts;
using QppOrleans.Silo.Hosting;

namespace QppOrleans.Api.Hosting;

/// <summary>
/// The Orleans Dashboard at <c>/dashboard</c>, in both modes: the silos (the co-hosted one, or the
/// cluster's) collect for it and the API serves it. Every page, asset and API of it needs a token
/// of a provisioned operator, like the Service Center's endpoints; a gateway in front of the API
/// that signs operators in passes their token on.
/// </summary>
internal static class OperatorDashboard
{
    public static void MapOperatorDashboard(this WebApplication app) =>
        app.MapOrleansDashboard(QppDashboard.Path).RequireOperator().ExcludeFromDescription(); // a screen, not part of the API contract
}
