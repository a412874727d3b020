using OpenQA.Selenium;
using QppOrleans.Portal.Tests.Infrastructure;

namespace QppOrleans.Portal.Tests.Flows;

/// <summary>A-23, A-27: a Staff User asks, waits, and is approved by the Security Official in the Security Official's own browser.</summary>
[Collection(PortalCollection.Name)]
public sealed class StaffUserTests(PortalServer server)
{
    private readonly Backstage backstage = new(server.BaseAddress);

    [Fact]
    public async Task A23_A27_A_Staff_User_asks_and_is_approved_by_the_Security_Official_who_sees_users_and_the_audit_trail()
    {
        var practice = Practice.New("Greenville Medical Clinic");
        await backstage.ImportAsync(practice);
        var (officialId, official) = await backstage.SecurityOfficialAsync(practice);
        official.Dispose();
        var staffId = Backstage.NewUserId("sam");
        await backstage.CreateAccountAsync(staffId, "Sam", "Staff");

        using (var staff = new Browser(server.BaseAddress, "staff-user"))
        {
            await SignIn.AsAsync(staff, backstage, staffId);
            staff.Click("Connect to another organization");
            staff.Check("Practice");
            staff.Click("Continue");
            // Without scripts' help too: the plain search form and its results.
            staff.Find("#search-q").SendKeys(practice.Tin + Keys.Enter);
            staff.WaitForText("1 result for");
            staff.Click("Select");
            staff.WaitForText("Remove");
            staff.Click("Continue");
            staff.WaitForPath("/connect/role");
            staff.Click("Continue");
            staff.WaitForText("Your Staff User role request is currently pending approval.");
            staff.Screen("connect-outcome-pending");
            staff.Click("Go to Manage Access");
            staff.WaitForText("Your role requests");
            Assert.Contains(practice.Name, staff.Main, StringComparison.Ordinal);
            staff.Screen("manage-access-pending");
        }

        using var browser = new Browser(server.BaseAddress, "security-official");
        await SignIn.AsAsync(browser, backstage, officialId);
        browser.Click("Pending requests");
        browser.WaitForText(staffId);
        browser.Screen("pending-requests");
        browser.Click("Approve");
        browser.WaitForText("The request is approved.");
        browser.Click("USERS");
        browser.WaitForText(staffId);
        Assert.Contains("Staff User", browser.Main, StringComparison.Ordinal);
        browser.Screen("connected-users");
        browser.Click("AUDIT TRAIL");
        browser.WaitForText("Every grant, denial, removal and change");
        Assert.True(browser.Driver.FindElements(By.CssSelector("tbody tr")).Count >= 2);
        browser.Screen("audit-trail");
        browser.Click("Notifications");
        browser.WaitForText("unread");
        browser.Screen("notifications");
        if (browser.Driver.FindElements(By.CssSelector("[data-read='false'] button")).FirstOrDefault() is { } markRead)
        {
            var unread = browser.Driver.FindElements(By.CssSelector("[data-read='false']")).Count;
            markRead.Click();
            browser.Until(d => d.FindElements(By.CssSelector("[data-read='false']")).Count == unread - 1);
        }

        using var staffAgain = new Browser(server.BaseAddress, "staff-user-approved");
        await SignIn.AsAsync(staffAgain, backstage, staffId);
        staffAgain.WaitForText(practice.Name);
        Assert.Contains("Staff User", staffAgain.Main, StringComparison.Ordinal);
        // edit actions only for Security Officials.
        Assert.Empty(staffAgain.Driver.FindElements(By.LinkText("Edit Registration")));
        Assert.DoesNotContain("Pending requests", staffAgain.Main, StringComparison.Ordinal);
        staffAgain.Screen("manage-access-staff-user");
    }
}
