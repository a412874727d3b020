using QppOrleans.Portal.Tests.Infrastructure;

namespace QppOrleans.Portal.Tests.Flows;

/// <summary>A-8 in the browser: a forgotten password reset with a mailed code, and a change behind the current password and a fresh code.</summary>
[Collection(PortalCollection.Name)]
public sealed class PasswordTests(PortalServer server)
{
    private readonly Backstage backstage = new(server.BaseAddress);

    [Fact]
    public async Task A8_A_forgotten_password_is_reset_with_a_code_and_then_changed_behind_a_fresh_code()
    {
        var userId = Backstage.NewUserId("rita");
        await backstage.CreateAccountAsync(userId);
        var email = Backstage.EmailOf(userId);
        using var browser = new Browser(server.BaseAddress, "password");

        browser.Go("/sign-in");
        browser.Click("Reset your password");
        browser.Type("User ID", userId);
        browser.Screen("reset-user-id");
        browser.Click("Continue");
        browser.WaitForText("Where should we send a one-time code?");
        var before = await backstage.MessageCountAsync(email);
        browser.Click("Send Code");
        browser.WaitForText("a one-time code is on its way");
        var code = await backstage.CodeAsync(email, before);
        browser.Type("One-time code", code);
        browser.Type("New password", "Another-Horse-Battery-7");
        browser.Screen("reset-new-password");
        browser.Click("Reset password");
        browser.WaitForText("Your password is changed. Sign in with your new password.");

        await SignIn.AsAsync(browser, backstage, userId, password: "Another-Horse-Battery-7");
        browser.Click("Change password");
        browser.WaitForText("A change of password needs a fresh one-time code.");
        browser.Screen("change-password-device");
        before = await backstage.MessageCountAsync(email);
        browser.Click("Send Code");
        browser.WaitForText("Current password");
        browser.Type("Current password", "Another-Horse-Battery-7");
        browser.Type("New password", Backstage.Password);
        browser.Type("One-time code", await backstage.CodeAsync(email, before));
        browser.Screen("change-password");
        browser.Find("main form button[type=submit]").Click();
        browser.WaitForText("Your password is changed.");
    }
}
