using OpenQA.Selenium;
using QppOrleans.Portal.Tests.Infrastructure;

namespace QppOrleans.Portal.Tests.Flows;

/// <summary>
/// A-4: the browser keeps the API's known-client token in an HttpOnly cookie and shows it at later
/// sign-ins, so that strangers' wrong passwords lock out strangers, not the owner; the locked
/// stranger is told when to try again.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class KnownClientTests(PortalServer server)
{
    private const string Cookie = "qpp-known-client";
    private readonly Backstage backstage = new(server.BaseAddress);

    [Fact]
    public async Task A4_A_browser_that_signed_in_before_gets_in_while_unknown_clients_are_locked_out_and_told_when_to_try_again()
    {
        var userId = Backstage.NewUserId("own");
        await backstage.CreateAccountAsync(userId);
        using var owner = new Browser(server.BaseAddress, "known-client");
        await SignIn.AsAsync(owner, backstage, userId);
        var kept = owner.Driver.Manage().Cookies.GetCookieNamed(Cookie);
        Assert.NotNull(kept);
        Assert.True(kept.IsHttpOnly);
        Assert.DoesNotContain(Cookie, (string)owner.Driver.ExecuteScript("return document.cookie;")!, StringComparison.Ordinal);
        owner.Go("/sign-out");
        owner.Find("main form button:not([name])").Click();
        owner.WaitForText("You have signed out.");
        Assert.NotNull(owner.Driver.Manage().Cookies.GetCookieNamed(Cookie));

        // Twenty wrong passwords from addresses the account does not know lock out every unknown client.
        await backstage.FailSignInsAsync(userId, 20);

        using var stranger = new Browser(server.BaseAddress, "unknown-client");
        stranger.Go("/sign-in");
        stranger.Type("User ID", userId);
        stranger.Type("Password", Backstage.Password);
        stranger.Check("Yes, I agree");
        stranger.Click("Sign in");
        stranger.WaitForText("Too many failed sign-in attempts.");
        var retry = stranger.Find("[data-retry-at]");
        Assert.Matches(@"You can try again at \d\d:\d\d:\d\d UTC, in \d+ seconds \(about 1[45] minutes\)\.", retry.Text);
        var retryAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(retry.GetAttribute("data-retry-at")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(retryAt, DateTimeOffset.UtcNow.AddMinutes(13), DateTimeOffset.UtcNow.AddMinutes(16));
        Assert.Equal("/sign-in", new Uri(stranger.Driver.Url).AbsolutePath);
        stranger.Screen("locked-try-again");

        // The owner's browser shows its token and gets in with the right password.
        await SignIn.AsAsync(owner, backstage, userId);
        Assert.Contains("Manage Access", owner.Heading, StringComparison.Ordinal);
    }
}
