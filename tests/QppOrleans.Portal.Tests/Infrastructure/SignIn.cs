namespace QppOrleans.Portal.Tests.Infrastructure;

/// <summary>The guide's sign-in as a person does it: user id, password, "Yes, I agree", a device, the code.</summary>
public static class SignIn
{
    public static async Task AsAsync(Browser browser, Backstage backstage, string userId, bool screens = false, string? password = null)
    {
        browser.Go("/sign-in");
        browser.Type("User ID", userId);
        browser.Type("Password", password ?? Backstage.PasswordOf(userId));
        browser.Check("Yes, I agree");
        if (screens)
        {
            browser.Screen("sign-in");
        }

        var before = await backstage.MessageCountAsync(Backstage.EmailOf(userId));
        browser.Click("Sign in");
        browser.WaitForPath("/sign-in/device");
        if (screens)
        {
            browser.Screen("choose-device");
        }

        browser.Click("Send Code");
        browser.WaitForPath("/sign-in/code");
        var code = await backstage.CodeAsync(Backstage.EmailOf(userId), before);
        if (screens)
        {
            browser.Screen("enter-code");
        }

        browser.Type("One-time code", code);
        browser.Click("Verify");
        browser.WaitForPath("/manage-access");
    }
}
