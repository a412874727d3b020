using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace QppOrleans.Bench;

/// <summary>
/// The baseline, hosted in the benchmark's own process: a minimal ASP.NET Core endpoint per
/// portal read and for the type-ahead search that builds and serializes JSON of the same shape as the service's answer, with
/// no Orleans, no storage and no authentication. Results against it turn absolute figures into
/// ratios that hold on any machine.
/// </summary>
internal static class BaselineServer
{
    public static Task<LocalServer> StartAsync() => LocalServer.StartAsync(0, Map);

    private static void Map(WebApplication app)
    {
        app.MapGet("/api/me/organizations", (HttpRequest request) => Results.Ok(new
        {
            practices = new[] { new { orgType = "practice", orgId = "912000001", name = "Surge Practice 1", role = "security-official", connectedUsers = 1,
                registration = new { performanceYear = 2026, webInterface = new { registered = true, registrationId = "100001" }, cahps = new { registered = true, registrationId = "100001" } } } },
            apmEntities = Array.Empty<object>(), registries = Array.Empty<object>(), virtualGroups = Array.Empty<object>(),
        }));
        app.MapGet("/api/registrations/{py:int}/{orgType}/{orgId}", (int py, string orgType, string orgId) => Results.Ok(new
        {
            orgType, orgId, performanceYear = py, registrationId = "100001", size = "25-99",
            organization = new { name = "Surge Practice 1", address1 = "1 Main St", address2 = (string?)null, city = "Baltimore", state = "MD", zip = "21239" },
            contacts = new[] { new { contactId = "c1", firstName = "Jane", lastName = "Doe", email = "contact@bench.example.org", phone = "4105550123", extension = (string?)null } },
            webInterface = new { registered = true, registeredAt = DateTimeOffset.UtcNow, auto = false }, cahps = new { registered = true, registeredAt = DateTimeOffset.UtcNow, auto = false },
            sampling = (object?)null, contactDraft = (object?)null,
        }));
        app.MapGet("/api/registrations/{py:int}", (int py) => Results.Ok(new
        {
            total = 1,
            organizations = new[] { new { orgType = "practice", orgId = "912000001", name = "Surge Practice 1", size = "25-99", registrationId = "100001",
                webInterface = new { registered = true, registrationId = "100001" }, cahps = new { registered = true, registrationId = "100001" } } },
        }));
        // A type-ahead answer: a full page of matches, as most typed prefixes of a large
        // directory fill it (the directory scenario reports the service's mean answer size).
        var page = Enumerable.Range(1, 20).Select(i => new { orgType = "practice", orgId = $"{100000000 + i}", name = $"Synthetic Family Practice {i}", city = "Baltimore", state = "MD" }).ToArray();
        app.MapGet("/api/organizations/search", (string type, string q) => Results.Ok(page.Select(o => new { o.orgType, o.orgId, o.name, o.city, o.state }).ToArray()));
    }
}
