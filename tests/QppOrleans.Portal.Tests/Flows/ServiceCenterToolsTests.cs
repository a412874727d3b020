using System.Text.Json;
using OpenQA.Selenium;
using QppOrleans.Portal.Tests.Infrastructure;

namespace QppOrleans.Portal.Tests.Flows;

/// <summary>
/// an operator imports Shared Savings Program ACO roles (created, changed, unchanged and the
/// rejected lines); A-31: the operator looks up the ACO's users with their roles and emails, page by page.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ServiceCenterToolsTests(PortalServer server)
{
    private readonly Backstage backstage = new(server.BaseAddress);

    [Fact]
    public async Task A15_A31_An_operator_imports_ACO_roles_and_looks_up_the_ACO_users_with_roles_and_emails()
    {
        var aco = $"A{Random.Shared.Next(10_000, 99_999)}";
        var report = await backstage.ImportLinesAsync("api/admin/directory", JsonSerializer.Serialize(new
        {
            kind = "apm-entity", apmModel = "ssp", entityId = aco, name = $"Coastal ACO {aco}",
            participants = new[] { new { tin = "9" + Random.Shared.Next(10_000_000, 99_999_999), npi = Practice.NewNpi() } },
        }));
        Assert.Equal(0, report.GetProperty("rejected").GetInt64());
        var people = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var userId = Backstage.NewUserId($"aco{i}");
            await backstage.CreateAccountAsync(userId, "Ada", $"Member{i}");
            people.Add(userId);
        }

        string Line(string userId, string role) => JsonSerializer.Serialize(new { orgType = "apm-entity", orgId = aco, userId, role });
        var first = Write([Line(people[0], "security-official"), .. people.Skip(1).Select(p => Line(p, "staff-user")), Line("nobody-" + aco.ToLowerInvariant(), "staff-user")]);
        var second = Write([Line(people[0], "security-official"), Line(people[1], "security-official")]);
        try
        {
            using var browser = new Browser(server.BaseAddress, "service-center-tools");
            await SignIn.AsAsync(browser, backstage, Backstage.Operator);
            browser.Click("Role import");
            browser.WaitForText("Roles at Shared Savings Program ACOs arrive from the ACO Management System");
            browser.Screen("role-import");
            browser.Upload(first, "Import roles");
            browser.Until(d => d.FindElements(By.Id("import-report")).Count == 1, seconds: 60);
            Assert.Contains("6 created, 0 changed, 0 unchanged, 1 rejected.", browser.Find("#import-report").Text, StringComparison.Ordinal);
            var rejected = browser.Find("#rejected-lines tbody tr").Text;
            Assert.StartsWith("7 ", rejected, StringComparison.Ordinal);
            Assert.Contains("a user id with an account", rejected, StringComparison.Ordinal);
            browser.Screen("role-import-report");

            browser.Upload(second, "Import roles");
            browser.WaitForText("0 created, 1 changed, 1 unchanged, 0 rejected.");

            // who is the ACO's Security Official? Six users, five a page.
            browser.Click("Organization users");
            browser.WaitForText("An organization’s users");
            browser.Choose(browser.Labelled("Organization type"), "APM Entity (APM Entity ID)");
            browser.Type("Organization ID", aco);
            browser.Click("Show users");
            browser.WaitForText("6 connected users");
            Assert.Contains($"Coastal ACO {aco}", browser.Main, StringComparison.Ordinal);
            var rows = browser.Driver.FindElements(By.CssSelector("#organization-users tbody tr")).Select(r => r.Text).ToList();
            Assert.Equal(PortalServer.PageSize, rows.Count);
            Assert.Contains("Page 1 of 2 (6 in all)", browser.Main, StringComparison.Ordinal);
            browser.Screen("organization-users");
            browser.Find(".usa-pagination__next-page").Click();
            browser.WaitForText("Page 2 of 2");
            rows.AddRange(browser.Driver.FindElements(By.CssSelector("#organization-users tbody tr")).Select(r => r.Text));
            Assert.Equal(6, rows.Count);
            foreach (var userId in people)
            {
                var row = Assert.Single(rows, r => r.Contains(userId, StringComparison.Ordinal));
                Assert.Contains(Backstage.EmailOf(userId), row, StringComparison.Ordinal);
                Assert.Contains(userId == people[0] || userId == people[1] ? "Security Official" : "Staff User", row, StringComparison.Ordinal);
            }

            browser.Screen("organization-users-page-2");

            // An id that cannot be an organization's is the API's 404, in its words.
            browser.Choose(browser.Labelled("Organization type"), "Practice (TIN)");
            browser.Type("Organization ID", "12345");
            browser.Click("Show users");
            browser.WaitForText("There is no such organization.");
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    private static string Write(string[] lines)
    {
        var file = Path.Combine(Path.GetTempPath(), $"roles-{Guid.NewGuid():N}.ndjson");
        File.WriteAllText(file, string.Join('\n', lines) + "\n");
        return file;
    }
}
