using System.Text.Json;
using OpenQA.Selenium;
using QppOrleans.Portal.Tests.Infrastructure;

namespace QppOrleans.Portal.Tests.Flows;

/// <summary>
/// Connect to an APM Entity names the entity's id as its model does ("ACO ID" for ACO REACH)
/// and asks a first Security Official for two participant TINs, or one for a single-TIN entity.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ConnectApmEntityTests(PortalServer server)
{
    private readonly Backstage backstage = new(server.BaseAddress);

    [Fact]
    public async Task A14_A_first_Security_Official_of_an_ACO_REACH_entity_gives_two_TINs_and_of_a_single_TIN_entity_one()
    {
        var (twoTin, tins) = ($"REACH{Random.Shared.Next(10_000, 99_999)}", new[] { NewTin(), NewTin() });
        var (oneTin, soleTin) = ($"SOLO{Random.Shared.Next(10_000, 99_999)}", NewTin());
        var report = await backstage.ImportLinesAsync("api/admin/directory",
            Entity(twoTin, $"Riverside Accountable Care {twoTin}", tins),
            Entity(oneTin, $"Solo Accountable Care {oneTin}", [soleTin]));
        Assert.Equal(0, report.GetProperty("rejected").GetInt64());
        var userId = Backstage.NewUserId("aco");
        await backstage.CreateAccountAsync(userId);
        using var browser = new Browser(server.BaseAddress, "connect-apm-entity");
        await SignIn.AsAsync(browser, backstage, userId);

        Pick(browser, twoTin);
        browser.Screen("connect-apm-find");
        browser.Click("Continue");
        browser.WaitForPath("/connect/role");
        browser.Check("Security Official");
        browser.Click("Continue");
        browser.WaitForPath("/connect/validate");
        Assert.Equal($"ACO ID: {twoTin}", browser.Find("[data-entity-id]").Text);
        Assert.Equal("2", browser.Find("[data-validation-tins]").GetAttribute("data-validation-tins"));
        browser.Type("TIN of a participating practice", tins[0]);
        browser.Type("TIN of another participating practice", NewTin());
        browser.Screen("connect-apm-validate");
        browser.Click("Submit");
        browser.WaitForText("We could not verify the information you provided. Please try again.");
        browser.Click("Try again");
        browser.Type("TIN of a participating practice", tins[0]);
        browser.Type("TIN of another participating practice", tins[1]);
        browser.Click("Submit");
        browser.WaitForText("Your Security Official role request has been approved.");

        // A single-TIN entity of the same model: one TIN field, and one TIN is enough.
        Pick(browser, oneTin);
        browser.Click("Continue");
        browser.WaitForPath("/connect/role");
        browser.Check("Security Official");
        browser.Click("Continue");
        browser.WaitForPath("/connect/validate");
        Assert.Equal("1", browser.Find("[data-validation-tins]").GetAttribute("data-validation-tins"));
        Assert.Empty(browser.Driver.FindElements(By.XPath("//label[starts-with(normalize-space(.), 'TIN of another')]")));
        browser.Type("TIN of the participating practice", soleTin);
        browser.Screen("connect-apm-validate-single-tin");
        browser.Click("Submit");
        browser.WaitForText("Your Security Official role request has been approved.");
    }

    /// <summary>Connect → APM Entity → ACO REACH → the entity found by its ACO ID and selected.</summary>
    private static void Pick(Browser browser, string entityId)
    {
        browser.Go("/connect");
        browser.Check("Alternative Payment Model (APM) Entity");
        browser.Click("Continue");
        browser.WaitForPath("/connect/find");
        browser.Choose(browser.Find("#apm-model"), "ACO REACH");
        browser.Click("Continue");
        browser.WaitForText("Search by APM Entity name or ACO ID.");
        browser.Find("#search-q").SendKeys(entityId + Keys.Enter);
        browser.WaitForText("1 result for");
        Assert.Contains($"ACO ID {entityId}", browser.Find("#results li").Text, StringComparison.Ordinal);
        browser.Click("Select");
        browser.WaitForText("Remove");
    }

    private static string Entity(string entityId, string name, string[] tins) => JsonSerializer.Serialize(new
    {
        kind = "apm-entity", apmModel = "aco-reach", entityId, name,
        participants = tins.Select(tin => new { tin, npi = Practice.NewNpi() }).ToArray(),
    });

    private static string NewTin() => "8" + Random.Shared.Next(10_000_000, 99_999_999);
}
