using OpenQA.Selenium;
using QppOrleans.Portal.Tests.Infrastructure;

namespace QppOrleans.Portal.Tests.Flows;

/// <summary>A-11, A-26: an operator imports a directory file in the browser and sees the counts and the rejected lines; the Service Center queue.</summary>
[Collection(PortalCollection.Name)]
public sealed class OperatorTests(PortalServer server)
{
    private readonly Backstage backstage = new(server.BaseAddress);

    [Fact]
    public async Task A11_An_operator_imports_a_directory_file_with_a_bad_line_and_sees_each_count_and_the_rejected_line()
    {
        var first = Practice.New("Harbor Family Practice");
        var second = Practice.New("Lakeside Clinic");
        var file = Path.Combine(Path.GetTempPath(), $"directory-{Guid.NewGuid():N}.ndjson");
        await File.WriteAllTextAsync(file, string.Join('\n', first.Line(), "{\"kind\":\"practice\",\"tin\":\"12345\",\"name\":\"Bad TIN\"}", second.Line()) + "\n");
        try
        {
            using var browser = new Browser(server.BaseAddress, "operator");
            await SignIn.AsAsync(browser, backstage, Backstage.Operator);
            browser.Click("Directory import");
            browser.WaitForText("Directory import");
            browser.Screen("directory-import");
            browser.Upload(file, "Import");
            browser.Until(d => d.FindElements(By.Id("import-report")).Count == 1, seconds: 60);
            Assert.Contains("2 created, 0 updated, 0 unchanged, 1 rejected.", browser.Find("#import-report").Text, StringComparison.Ordinal);
            var rejected = browser.Find("#rejected-lines tbody tr").Text;
            Assert.StartsWith("2 ", rejected, StringComparison.Ordinal);
            browser.Screen("directory-import-report");

            // Importing the same file again changes nothing.
            browser.Upload(file, "Import");
            browser.WaitForText("0 created, 0 updated, 2 unchanged, 1 rejected.");

            browser.Click("Service Center");
            browser.WaitForText("Requests sent to the Service Center");
            browser.Screen("service-center");
            browser.Click("Registration imports");
            browser.WaitForText("Automatic registrations");
            browser.Screen("registration-imports");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Operator_pages_are_not_for_people_without_the_operator_role()
    {
        var userId = Backstage.NewUserId("pat");
        await backstage.CreateAccountAsync(userId);
        using var browser = new Browser(server.BaseAddress, "not-operator");
        await SignIn.AsAsync(browser, backstage, userId);
        Assert.Empty(browser.Driver.FindElements(By.LinkText("Directory import")));
        browser.Go("/admin/directory");
        browser.WaitForText("You do not have access to this page");
        browser.Screen("not-allowed");
    }
}
