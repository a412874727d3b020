using OpenQA.Selenium;
using QppOrleans.Portal.Tests.Infrastructure;

namespace QppOrleans.Portal.Tests.Flows;

/// <summary>A-9 in the browser: a device added behind a fresh code and its own code, removed behind a fresh code; the last one stays.</summary>
[Collection(PortalCollection.Name)]
public sealed class DevicesTests(PortalServer server)
{
    private readonly Backstage backstage = new(server.BaseAddress);

    [Fact]
    public async Task A9_A_device_is_added_and_removed_each_behind_a_fresh_code_and_the_last_one_cannot_be_removed()
    {
        var userId = Backstage.NewUserId("dev");
        await backstage.CreateAccountAsync(userId);
        var email = Backstage.EmailOf(userId);
        var second = $"second-{userId}@example.org";
        using var browser = new Browser(server.BaseAddress, "devices");
        await SignIn.AsAsync(browser, backstage, userId);

        browser.Click("Verification devices");
        browser.WaitForText("Where your one-time codes can be sent");
        browser.Screen("devices");
        browser.Type("Email address or phone number", second);
        browser.Click("Add device");
        browser.WaitForText("needs a fresh one-time code");
        var before = await backstage.MessageCountAsync(email);
        browser.Click("Send Code");
        browser.WaitForText("One-time code");
        browser.Type("One-time code", await backstage.CodeAsync(email, before));
        var toNew = await backstage.MessageCountAsync(second);
        browser.Click("Continue");
        browser.WaitForText("Code sent to the new device");
        browser.Type("Code sent to the new device", await backstage.CodeAsync(second, toNew));
        browser.Screen("device-confirm");
        browser.Click("Add device");
        browser.WaitForText($"{second} is added.");
        Assert.Equal(2, browser.Driver.FindElements(By.CssSelector("#devices tbody tr")).Count);

        await RemoveAsync(browser, second, email);
        browser.WaitForText("The device is removed.");
        Assert.Single(browser.Driver.FindElements(By.CssSelector("#devices tbody tr")));

        await RemoveAsync(browser, email, email);
        browser.Until(d => d.FindElements(By.CssSelector(".usa-alert--error")).Count == 1);
        Assert.Equal("last-device", browser.Find(".usa-alert--error").GetAttribute("data-problem-code"));
        browser.Screen("last-device-refused");
    }

    private async Task RemoveAsync(Browser browser, string device, string codeTo)
    {
        browser.Go("/settings/devices?again=true");
        browser.Driver.FindElements(By.CssSelector("#devices tbody tr")).First(r => r.Text.Contains(device, StringComparison.Ordinal))
            .FindElement(By.TagName("button")).Click();
        browser.WaitForText("needs a fresh one-time code");
        var before = await backstage.MessageCountAsync(codeTo);
        browser.Click("Send Code");
        browser.WaitForText("One-time code");
        browser.Type("One-time code", await backstage.CodeAsync(codeTo, before));
        browser.Click("Remove device");
    }
}
