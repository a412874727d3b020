using OpenQA.Selenium;
using QppOrleans.Portal.Tests.Infrastructure;

namespace QppOrleans.Portal.Tests.Flows;

/// <summary>A-32: a request nobody decides expires, and the requester sees it expired, with the reason, in Manage Access.</summary>
[Collection(ExpiringPortalCollection.Name)]
public sealed class ExpiredRequestTests(ExpiringPortalServer server)
{
    private readonly Backstage backstage = new(server.BaseAddress);

    [Fact]
    public async Task A32_A_request_nobody_decides_shows_as_expired_with_its_reason_in_the_requesters_Manage_Access()
    {
        var practice = Practice.New("Quiet Valley Clinic");
        await backstage.ImportAsync(practice);
        var (_, official) = await backstage.SecurityOfficialAsync(practice);
        official.Dispose();
        var personId = Backstage.NewUserId("wait");
        await backstage.CreateAccountAsync(personId, "Wes", "Waiting");
        using (var person = await backstage.SignedInAsync(personId))
        {
            await Backstage.RequestPendingAsync(person, practice);
        }

        using var browser = new Browser(server.BaseAddress, "expired-request");
        await SignIn.AsAsync(browser, backstage, personId);
        browser.RefreshUntil(d => d.FindElements(By.CssSelector("main tbody tr td[data-status=expired]")).Count == 1, seconds: 120);
        Assert.EndsWith("so it has expired. You may ask again.", Row(browser)!.FindElement(By.CssSelector("[data-reason]")).Text, StringComparison.Ordinal);
        browser.Screen("my-requests-expired");
    }

    private static IWebElement? Row(Browser browser) => browser.Driver.FindElements(By.CssSelector("main tbody tr")).FirstOrDefault();
}
