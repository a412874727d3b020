using OpenQA.Selenium;
using QppOrleans.Portal.Tests.Infrastructure;

namespace QppOrleans.Portal.Tests.Flows;

/// <summary>The registration guide's Section V in the browser: the size change with its confirmation, and the last contact.</summary>
[Collection(PortalCollection.Name)]
public sealed class RegistrationChangeTests(PortalServer server)
{
    private readonly Backstage backstage = new(server.BaseAddress);

    [Fact]
    public async Task R4_A_size_change_to_2_24_asks_Confirm_Change_in_Size_and_then_cancels_the_Web_Interface_only()
    {
        var (practice, userId, py) = await RegisteredAsync();
        using var browser = new Browser(server.BaseAddress, "size-change");
        await SignIn.AsAsync(browser, backstage, userId);
        browser.Go($"/registration/{py}");
        browser.WaitForText("1 ORGANIZATION TOTAL");
        Assert.Single(browser.Driver.FindElements(By.CssSelector("[data-program='web-interface'] .qpp-status--registered")));

        browser.Click("Edit");
        browser.Check("2-24");
        browser.Click("Save");
        browser.WaitForText("Confirm Change in Size?");
        Assert.Contains("You have chosen a new group size that doesn't qualify you to participate in CMS Web Interface. By accepting the new group size, your CMS Web Interface registration will be deleted.",
            browser.Main, StringComparison.Ordinal);
        browser.Screen("confirm-change-in-size");

        // CANCEL keeps everything as it was.
        browser.Click("Cancel");
        browser.WaitForText("1 ORGANIZATION TOTAL");
        Assert.Contains("Size: 25-99", browser.Main, StringComparison.Ordinal);

        browser.Click("Edit");
        browser.Check("2-24");
        browser.Click("Save");
        browser.WaitForText("Confirm Change in Size?");
        browser.Click("Yes");
        browser.WaitForText("Your CMS Web Interface registration is deleted.");
        Assert.Contains("Size: 2-24", browser.Main, StringComparison.Ordinal);
        Assert.Single(browser.Driver.FindElements(By.CssSelector("[data-program='web-interface'] .qpp-status--not-registered")));
        Assert.Contains("Needs 25 or more clinicians.", browser.Main, StringComparison.Ordinal);
        browser.Screen("registration-overview-after-size-change");
        Assert.Contains(practice.ShownTin, browser.Main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R6_R8_The_last_contact_cannot_be_deleted_a_second_can_and_a_registration_is_cancelled_after_Continue()
    {
        var (_, userId, py) = await RegisteredAsync();
        using var browser = new Browser(server.BaseAddress, "contacts");
        await SignIn.AsAsync(browser, backstage, userId);
        browser.Go($"/registration/{py}");
        browser.Click("Show Details");
        browser.WaitForText("jdoe@betterhealth.example");

        browser.Click("Delete");
        browser.WaitForPath("/registration/");
        browser.Screen("delete-contact");
        browser.Click("Delete");
        browser.Until(d => d.FindElements(By.CssSelector(".usa-alert--error")).Count == 1);
        Assert.Equal("last-contact", browser.Find(".usa-alert--error").GetAttribute("data-problem-code"));
        browser.Screen("last-contact-refused");

        // Edit instead, then a second contact, which may go.
        browser.Click("Edit instead");
        browser.Type("Phone Number", "4105550100");
        browser.Click("Update");
        browser.WaitForText("The contact information is updated.");
        browser.Click("+ Add New Contact");
        browser.Type("First Name", "John");
        browser.Type("Last Name", "Smith");
        browser.Type("Email", "jsmith@betterhealth.example");
        browser.Type("Phone Number", "1112224455");
        browser.Click("Add");
        browser.WaitForText("John Smith is added as a contact.");
        Assert.Equal(2, browser.Driver.FindElements(By.CssSelector("#contacts li")).Count);
        browser.Screen("registration-details-two-contacts");
        browser.Driver.FindElements(By.CssSelector("#contacts li")).First(li => li.Text.Contains("John Smith", StringComparison.Ordinal))
            .FindElements(By.TagName("a")).First(a => a.Text.StartsWith("Delete", StringComparison.Ordinal)).Click();
        browser.Click("Delete");
        browser.WaitForText("The contact is deleted.");
        Assert.Single(browser.Driver.FindElements(By.CssSelector("#contacts li")));

        browser.Find("main a[href$='/organization']").Click();
        browser.WaitForText("Organization Name");
        browser.Type("City", "Towson");
        browser.Screen("organization-information");
        browser.Click("Update");
        browser.WaitForText("The organization information is updated.");
        Assert.Contains("Towson, MD 21239", browser.Find("#organization-address").Text, StringComparison.Ordinal);

        // Cancel Registration, then Continue.
        browser.Go($"/registration/{py}");
        browser.Click("Cancel Registration");
        browser.WaitForText("Cancel Registration?");
        browser.Screen("cancel-registration");
        browser.Click("Continue");
        browser.WaitForText("You have successfully cancelled your CMS Web Interface registration.");
        Assert.Equal(2, browser.Driver.FindElements(By.CssSelector(".qpp-status--not-registered")).Count);
    }

    private async Task<(Practice Practice, string UserId, int Py)> RegisteredAsync()
    {
        var practice = Practice.New("Better Business Health");
        await backstage.ImportAsync(practice);
        var (userId, official) = await backstage.SecurityOfficialAsync(practice);
        using (official)
        {
            var py = await Backstage.CurrentYearAsync(official);
            await Backstage.RegisterWebInterfaceAsync(official, py, practice);
            return (practice, userId, py);
        }
    }
}
