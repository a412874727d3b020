using OpenQA.Selenium;
using QppOrleans.Portal.Tests.Infrastructure;

namespace QppOrleans.Portal.Tests.Flows;

/// <summary>The guides end to end in the browser: a newcomer becomes the first Security Official and registers both programs.</summary>
[Collection(PortalCollection.Name)]
public sealed class FirstSecurityOfficialTests(PortalServer server)
{
    private readonly Backstage backstage = new(server.BaseAddress);

    [Fact]
    public async Task A1_A22_R7_A_newcomer_registers_an_account_signs_in_connects_as_first_Security_Official_and_registers_both_programs()
    {
        var practice = Practice.New("Better Business Health");
        await backstage.ImportAsync(practice);
        var userId = Backstage.NewUserId("jane");
        using var browser = new Browser(server.BaseAddress, "first-security-official");

        // A-1: the account, through the portal's own form.
        browser.Go("/");
        browser.Screen("home");
        browser.Click("Register for an account");
        browser.Type("User ID", userId);
        browser.Type("Password", Backstage.Password);
        browser.Type("First name", "Jane");
        browser.Type("Last name", "Doe");
        browser.Type("Email address", Backstage.EmailOf(userId));
        browser.Screen("register-account");
        browser.Click("Create account");
        browser.WaitForPath("/sign-in");
        browser.WaitForText("Your account is ready");

        // A-2: without the Statement of Truth nobody signs in; the API's words are on screen.
        browser.Type("User ID", userId);
        browser.Type("Password", Backstage.Password);
        browser.Click("Sign in");
        browser.WaitForText("Check \"Yes, I agree\" next to the Statement of Truth to sign in.");
        browser.Screen("sign-in-refused");

        await SignIn.AsAsync(browser, backstage, userId, screens: true);
        browser.Screen("manage-access-empty");

        // Connect to an Organization: type, search as you type, role, validation, outcome.
        browser.Click("Connect to another organization");
        browser.Check("Practice");
        browser.Screen("connect-type");
        browser.Click("Continue");
        browser.WaitForPath("/connect/find");
        browser.Find("#search-q").SendKeys(practice.Name[..12]);
        browser.Wait(d => d.FindElements(By.CssSelector("#results li")).FirstOrDefault(li => li.Text.Contains(practice.Name, StringComparison.Ordinal)));
        browser.Screen("connect-find-typeahead");
        Assert.True(browser.Driver.FindElements(By.CssSelector("#results li")).Count >= 1);
        browser.Wait(d => d.FindElements(By.CssSelector("#results li")).First(li => li.Text.Contains(practice.Name, StringComparison.Ordinal)))
            .FindElement(By.CssSelector("button")).Click();
        browser.WaitForText("Remove");
        Assert.Contains(practice.ShownTin, browser.Main, StringComparison.Ordinal);
        browser.Screen("connect-selected");
        browser.Click("Continue");
        browser.WaitForPath("/connect/role");
        browser.Choose(browser.Find("select"), "Security Official");
        browser.Screen("connect-role");
        browser.Click("Continue");
        browser.WaitForPath("/connect/validate");
        Assert.Equal(practice.Tin, browser.Labelled("The practice’s TIN").GetAttribute("value"));

        // A-25: a wrong PTAN is refused with the seed's text, for this practice.
        browser.Type("The NPI of one clinician in the practice", practice.Npi);
        browser.Type("That clinician’s Provider Transaction Access Number (PTAN)", "ZZ9999");
        browser.Screen("connect-validate");
        browser.Click("Submit");
        browser.WaitForText("We could not validate the TIN/PTAN provided.");
        browser.Screen("connect-outcome-refused");
        browser.Click("Try again");
        browser.Type("The NPI of one clinician in the practice", practice.Npi);
        browser.Type("That clinician’s Provider Transaction Access Number (PTAN)", practice.Ptan);
        browser.Click("Submit");
        browser.WaitForText("Your Security Official role request has been approved.");
        browser.Screen("connect-outcome-approved");

        // R-12: the practice under PRACTICES with the role and both programs not registered.
        browser.Click("Go to Manage Access");
        browser.WaitForText(practice.Name);
        Assert.Contains("Security Official", browser.Main, StringComparison.Ordinal);
        Assert.Contains("Not Registered", browser.Main, StringComparison.Ordinal);
        browser.Screen("manage-access");

        // R-11 … R-8: the overview, the size, a contact pre-filled with the person's name, register, the id.
        browser.Click("Edit Registration");
        browser.WaitForText("1 ORGANIZATION TOTAL");
        browser.Screen("registration-overview-new");
        browser.Click("Edit");
        browser.Check("25-99");
        browser.Screen("registration-size");
        browser.Click("Save");
        browser.WaitForText("Size: 25-99");
        browser.Driver.FindElement(By.CssSelector("[data-program='web-interface'] a")).Click();
        browser.WaitForText("CMS Web Interface Registration");
        browser.Screen("register-web-interface-review");
        browser.Click("+ Add New");
        Assert.Equal("Jane", browser.Labelled("First Name").GetAttribute("value"));
        Assert.Equal("Doe", browser.Labelled("Last Name").GetAttribute("value"));
        browser.Type("Email", "jdoe@betterhealth.example");
        browser.Type("Phone Number", "1112223344");
        browser.Screen("contact-new");
        browser.Click("Add");
        browser.WaitForText("Jane Doe is added as a contact.");
        browser.Click("Register");
        browser.WaitForText("Congratulations, you have successfully registered!");
        var registrationId = browser.Find("#registration-id").Text;
        Assert.Matches(@"^\d{6,}$", registrationId);
        browser.Screen("registered");

        browser.Click("Back to List");
        browser.Driver.FindElement(By.CssSelector("[data-program='cahps'] a")).Click();
        browser.WaitForText("CAHPS for MIPS Survey Registration");
        browser.Click("Register");
        browser.WaitForText("Congratulations, you have successfully registered!");
        Assert.Equal(registrationId, browser.Find("#registration-id").Text);

        browser.Click("Back to List");
        browser.WaitForText("1 ORGANIZATION TOTAL");
        Assert.Equal(2, browser.Driver.FindElements(By.CssSelector(".qpp-status--registered")).Count);
        Assert.Contains($"Registration ID: {registrationId}", browser.Main, StringComparison.Ordinal);
        browser.Screen("registration-overview-registered");

        browser.Click("Show Details");
        browser.WaitForText("123 Better Health Way");
        browser.Screen("registration-details");
        browser.Click("Registration history");
        browser.WaitForText("Registration history");
        browser.Screen("registration-history");

        // A-7: signing out ends the API's token too; the portal's pages then ask to sign in.
        browser.Find("header form button").Click();
        browser.WaitForText("You have signed out.");
        browser.Go("/manage-access");
        browser.WaitForPath("/sign-in");
    }
}
