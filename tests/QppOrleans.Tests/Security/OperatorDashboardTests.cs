using System.Net;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Security;

/// <summary>
/// The Orleans Dashboard in cluster mode (the API an Orleans client of silos that collect for it):
/// operators see it, nobody else does. The embedded default's is in <see cref="AuthorizationMatrixTests"/>.
/// </summary>
[Collection(PostgresApiCollection.Name)]
public sealed class OperatorDashboardTests(PostgresApiFixture api)
{
    [Fact]
    public async Task The_dashboard_of_a_cluster_answers_operators_only()
    {
        using var anonymous = api.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/dashboard/")).StatusCode);

        using var person = api.SignedIn($"dash-{Guid.NewGuid():N}"[..20]);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/dashboard/")).StatusCode);

        using var operatorClient = api.SignedIn(ApiFixture.Operator);
        using var page = await operatorClient.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
