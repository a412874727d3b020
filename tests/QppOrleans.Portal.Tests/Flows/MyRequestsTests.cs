using System.Net.Http.Json;
using OpenQA.Selenium;
using QppOrleans.Portal.Tests.Infrastructure;

namespace QppOrleans.Portal.Tests.Flows;

/// <summary>What a requester sees of their requests (A-27: a denial with its reason) and the API's refusal texts at Connect .</summary>
[Collection(PortalCollection.Name)]
public sealed class MyRequestsTests(PortalServer server)
{
    private readonly Backstage backstage = new(server.BaseAddress);

    [Fact]
    public async Task A27_A_denied_request_shows_in_Manage_Access_with_the_Security_Officials_reason()
    {
        var practice = Practice.New("Maple Street Clinic");
        await backstage.ImportAsync(practice);
        var (_, official) = await backstage.SecurityOfficialAsync(practice);
        var personId = Backstage.NewUserId("den");
        await backstage.CreateAccountAsync(personId, "Dana", "Denied");
        using (official)
        using (var person = await backstage.SignedInAsync(personId))
        {
            var requestId = await Backstage.RequestPendingAsync(person, practice);
            (await official.PostAsJsonAsync($"api/organizations/practice/{practice.Tin}/access-requests/{requestId}/deny", new { reason = "Not on our staff list" }))
                .EnsureSuccessStatusCode();
        }

        using var browser = new Browser(server.BaseAddress, "my-requests-denied");
        await SignIn.AsAsync(browser, backstage, personId);
        browser.RefreshUntil(d => d.FindElements(By.XPath($"//tr[contains(., '{practice.Name}')]//td[@data-status='denied']")).Count == 1);
        var row = browser.Driver.FindElement(By.XPath($"//tr[contains(., '{practice.Name}')]"));
        Assert.Equal("Not on our staff list", row.FindElement(By.CssSelector("[data-reason]")).Text);
        browser.Screen("my-requests-denied");
    }

    [Fact]
    public async Task A28_A_Security_Official_asking_for_Staff_User_at_the_same_practice_is_told_in_the_APIs_words_to_contact_QPP()
    {
        var practice = Practice.New("Cedar Ridge Health");
        await backstage.ImportAsync(practice);
        var (officialId, official) = await backstage.SecurityOfficialAsync(practice);
        official.Dispose();

        using var browser = new Browser(server.BaseAddress, "role-change-by-qpp");
        await SignIn.AsAsync(browser, backstage, officialId);
        browser.Go("/connect");
        browser.Check("Practice");
        browser.Click("Continue");
        browser.WaitForPath("/connect/find");
        browser.Find("#search-q").SendKeys(practice.Tin + Keys.Enter);
        browser.WaitForText("1 result for");
        browser.Click("Select");
        browser.WaitForText("Remove");
        browser.Click("Continue");
        browser.WaitForPath("/connect/role");
        browser.Choose(browser.Find("select"), "Staff User");
        browser.Click("Continue");
        var outcome = browser.Find("[data-code=role-change-by-qpp]");
        Assert.Contains("You already hold another role at this organization. To change your role between Security Official and Staff User, contact QPP",
            outcome.Text, StringComparison.Ordinal);
        browser.Screen("connect-role-change-by-qpp");
    }
}
