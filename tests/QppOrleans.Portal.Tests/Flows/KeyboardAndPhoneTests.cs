using OpenQA.Selenium;
using QppOrleans.Portal.Tests.Infrastructure;

namespace QppOrleans.Portal.Tests.Flows;

/// <summary>WCAG 2.1 AA in use: sign-in and registration by keyboard alone, and the screens on a phone-sized viewport.</summary>
[Collection(PortalCollection.Name)]
public sealed class KeyboardAndPhoneTests(PortalServer server)
{
    private readonly Backstage backstage = new(server.BaseAddress);

    [Fact]
    public async Task Sign_in_and_registration_work_by_keyboard_alone()
    {
        var practice = Practice.New("Keyboard Family Health");
        await backstage.ImportAsync(practice);
        var (userId, official) = await backstage.SecurityOfficialAsync(practice);
        official.Dispose();
        using var browser = new Browser(server.BaseAddress, "keyboard");

        browser.Go("/sign-in");
        browser.TabTo("#userid").SendKeys(userId);
        browser.Press(Keys.Tab);
        browser.Driver.SwitchTo().ActiveElement().SendKeys(Backstage.Password);
        browser.TabTo("#statement-of-truth-agree");
        browser.Press(Keys.Space);
        var before = await backstage.MessageCountAsync(Backstage.EmailOf(userId));
        browser.Press(Keys.Enter);
        browser.WaitForPath("/sign-in/device");
        browser.TabTo("main button[type=submit]");
        browser.Press(Keys.Enter);
        browser.WaitForPath("/sign-in/code");
        browser.TabTo("#code").SendKeys(await backstage.CodeAsync(Backstage.EmailOf(userId), before) + Keys.Enter);
        browser.WaitForPath("/manage-access");

        // Manage Access → Edit Registration → size → register the CAHPS survey with a new contact.
        browser.TabTo("main a[href^='/registration/']").SendKeys(Keys.Enter);
        browser.WaitForText("1 ORGANIZATION TOTAL");
        browser.TabTo("main a[href*='/size']").SendKeys(Keys.Enter);
        browser.WaitForText("Select Size:");
        browser.TabTo("#size-2-24");
        browser.Press(Keys.Space);
        browser.TabTo("main button[type=submit]").SendKeys(Keys.Enter);
        browser.WaitForText("Size: 2-24");
        browser.TabTo("[data-program='cahps'] a").SendKeys(Keys.Enter);
        browser.WaitForText("CAHPS for MIPS Survey Registration");
        browser.TabTo("main a[href*='/contacts/new']").SendKeys(Keys.Enter);
        browser.WaitForText("Add New Contact");
        browser.TabTo("#email").SendKeys("keyboard@example.org");
        browser.TabTo("#phone").SendKeys("4105550199" + Keys.Enter);
        browser.WaitForText("is added as a contact.");
        browser.TabTo("main form button[type=submit]").SendKeys(Keys.Enter);
        browser.WaitForText("Congratulations, you have successfully registered!");
        browser.Screen("registered-by-keyboard");
    }

    [Fact]
    public void A1_An_account_is_opened_by_keyboard_alone()
    {
        var userId = Backstage.NewUserId("keys");
        using var browser = new Browser(server.BaseAddress, "keyboard-account");
        browser.Go("/");
        browser.TabTo("main a[href='/account/register']").SendKeys(Keys.Enter);
        browser.WaitForPath("/account/register");
        browser.TabTo("#userid").SendKeys(userId);
        browser.TabTo("#password").SendKeys(Backstage.Password);
        browser.TabTo("#firstname").SendKeys("Kim");
        browser.TabTo("#lastname").SendKeys("Keys");
        browser.TabTo("#email").SendKeys(Backstage.EmailOf(userId));
        browser.TabTo("main button[type=submit]").SendKeys(Keys.Enter);
        browser.WaitForPath("/sign-in");
        browser.WaitForText("Your account is ready");
        browser.Screen("account-opened-by-keyboard");
    }

    [Fact]
    public async Task The_screens_read_well_on_a_phone_sized_viewport()
    {
        var practice = Practice.New("Pocket Pediatrics");
        await backstage.ImportAsync(practice);
        var (userId, official) = await backstage.SecurityOfficialAsync(practice);
        int py;
        using (official)
        {
            py = await Backstage.CurrentYearAsync(official);
            await Backstage.RegisterWebInterfaceAsync(official, py, practice);
        }

        using var phone = new Browser(server.BaseAddress, "phone", width: 390, height: 844);
        await SignIn.AsAsync(phone, backstage, userId, screens: true);
        phone.Screen("manage-access");
        NoSidewaysScroll(phone);
        phone.Go($"/registration/{py}");
        phone.WaitForText("1 ORGANIZATION TOTAL");
        phone.Screen("registration-overview");
        NoSidewaysScroll(phone);
        phone.Go($"/registration/{py}/practice/{practice.Tin}");
        phone.WaitForText("Contacts");
        phone.Screen("registration-details");
        NoSidewaysScroll(phone);
        phone.Go("/connect");
        phone.Screen("connect-type");
        NoSidewaysScroll(phone);
        phone.Go("/settings/activity");
        phone.WaitForText("Your account activity");
        phone.Screen("account-activity");
        NoSidewaysScroll(phone);
        phone.Go($"/organizations/practice/{practice.Tin}/audit");
        phone.WaitForText("Every grant, denial, removal and change");
        phone.Screen("audit-trail");
        NoSidewaysScroll(phone);
        phone.Go("/no-such-page");
        phone.WaitForText("Page not found");
        phone.Screen("not-found");
        NoSidewaysScroll(phone);

        // The menu button opens the primary navigation on a phone.
        phone.Driver.FindElement(By.CssSelector(".usa-menu-btn")).Click();
        phone.Until(d => d.FindElement(By.CssSelector(".usa-nav")).GetAttribute("class")!.Contains("is-visible", StringComparison.Ordinal));
        phone.Screen("menu-open");
    }

    private static void NoSidewaysScroll(Browser browser) =>
        Assert.True((bool)browser.Driver.ExecuteScript("return document.documentElement.scrollWidth <= window.innerWidth + 1;")!,
            $"{browser.Path} scrolls sideways on a phone");
}
