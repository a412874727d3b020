using OpenQA.Selenium;
using QppOrleans.Portal.Tests.Infrastructure;

namespace QppOrleans.Portal.Tests.Flows;

/// <summary>A-7 … A-9: the person's own account activity, newest first and paged; sign-out everywhere shows in it.</summary>
[Collection(PortalCollection.Name)]
public sealed class AccountActivityTests(PortalServer server)
{
    private readonly Backstage backstage = new(server.BaseAddress);

    [Fact]
    public async Task A7_The_account_activity_lists_codes_and_sign_outs_newest_first_over_pages_and_shows_a_sign_out_everywhere()
    {
        var userId = Backstage.NewUserId("act");
        await backstage.CreateAccountAsync(userId);
        // Three sign-ins and sign-outs elsewhere: a code sent and a sign-out each, more than a page.
        for (var i = 0; i < 3; i++)
        {
            using var elsewhere = await backstage.SignedInAsync(userId);
            (await elsewhere.PostAsync("api/auth/sign-out", null)).EnsureSuccessStatusCode();
        }

        using var browser = new Browser(server.BaseAddress, "account-activity");
        await SignIn.AsAsync(browser, backstage, userId);
        browser.Click("Account activity");
        browser.WaitForPath("/settings/activity");
        // Seven entries: the browser's code, then three pairs; the newest is the browser's code.
        browser.RefreshUntil(d => d.FindElement(By.CssSelector("#account-activity caption")).Text.StartsWith("7 entries", StringComparison.Ordinal));
        var first = Actions(browser);
        Assert.Equal(PortalServer.PageSize, first.Count);
        Assert.Equal("one-time-code-sent", first[0]);
        Assert.Contains("account-signed-out", first);
        Assert.Contains("Verification code sent", browser.Main, StringComparison.Ordinal);
        Assert.Equal("1", browser.Find(".usa-pagination [aria-current=page]").Text.Replace("Page", "", StringComparison.Ordinal).Trim());
        Assert.Contains("Page 1 of 2 (7 in all)", browser.Main, StringComparison.Ordinal);
        browser.Screen("account-activity");

        browser.Find(".usa-pagination__next-page").Click();
        browser.Until(d => new Uri(d.Url).Query.Contains("p=2", StringComparison.Ordinal));
        Assert.Equal(2, Actions(browser).Count);
        Assert.Contains("Page 2 of 2", browser.Main, StringComparison.Ordinal);
        Assert.Empty(browser.Driver.FindElements(By.CssSelector(".usa-pagination__next-page")));
        browser.Screen("account-activity-page-2");

        // Sign out everywhere: the session ends, and the account's activity says so.
        browser.Go("/sign-out");
        browser.Find("main form button[name=Everywhere]").Click();
        browser.WaitForText("You have signed out of every session.");
        await SignIn.AsAsync(browser, backstage, userId);
        browser.Go("/settings/activity");
        browser.RefreshUntil(d => Actions(browser).Contains("account-signed-out-everywhere"));
        Assert.Contains("Signed out of every session", browser.Main, StringComparison.Ordinal);
    }

    private static List<string> Actions(Browser browser) =>
        [.. browser.Driver.FindElements(By.CssSelector("#account-activity tbody th[data-action]")).Select(e => e.GetAttribute("data-action")!)];
}
