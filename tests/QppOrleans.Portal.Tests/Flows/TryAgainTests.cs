using System.Net;
using System.Net.Http.Json;
using OpenQA.Selenium;
using QppOrleans.Portal.Tests.Infrastructure;

namespace QppOrleans.Portal.Tests.Flows;

/// <summary>A throttled change (429 with <c>Retry-After</c>) is shown in the API's words, with when to try again; nothing changes.</summary>
[Collection(PortalCollection.Name)]
public sealed class TryAgainTests(PortalServer server)
{
    private readonly Backstage backstage = new(server.BaseAddress);

    [Fact]
    public async Task A_Security_Official_over_the_registration_write_limit_sees_the_429_and_when_to_try_again()
    {
        var practice = Practice.New("Throttled Family Care");
        await backstage.ImportAsync(practice);
        var (userId, official) = await backstage.SecurityOfficialAsync(practice);
        using (official)
        {
            var py = await Backstage.CurrentYearAsync(official);
            using var browser = new Browser(server.BaseAddress, "try-again");
            await SignIn.AsAsync(browser, backstage, userId);

            // The account's registration writes in this minute are spent elsewhere (RegistrationWrites, 60 a minute per account);
            // a fixed window may turn over between the last write and the browser's, so the browser tries within a fresh one again.
            for (var round = 0; ; round++)
            {
                browser.Go($"/registration/{py}/practice/{practice.Tin}/size");
                browser.WaitForText("Select Size:");
                await SpendAsync(official, $"api/registrations/{py}/practice/{practice.Tin}/size");
                browser.Check("2-24");
                browser.Click("Save");
                browser.Until(d => d.FindElements(By.CssSelector("[role=alert], [role=status]")).Count > 0 || !d.Url.Contains("/size", StringComparison.Ordinal));
                if (browser.Driver.FindElements(By.CssSelector("[data-problem-code=too-many-requests]")).Count == 1 || round == 2)
                {
                    break;
                }
            }

            var alert = browser.Find("[data-problem-code=too-many-requests]");
            Assert.Matches(@"Too many attempts\. Wait \d+ seconds and try again\.", alert.Text);
            Assert.Matches(@"You can try again at \d\d:\d\d:\d\d UTC, in \d+ seconds?\.", browser.Find("[data-retry-at]").Text);
            browser.Screen("too-many-requests");

            // Nothing changed: the size is still the one the API had.
            var record = await official.GetFromJsonAsync<System.Text.Json.JsonElement>($"api/registrations/{py}/practice/{practice.Tin}");
            Assert.Equal("25-99", record.GetProperty("size").GetString());
        }
    }

    /// <summary>Writes the same size until the API answers 429.</summary>
    private static async Task SpendAsync(HttpClient official, string path)
    {
        for (var i = 0; i < 200; i++)
        {
            using var response = await official.PutAsJsonAsync(path, new { size = "25-99" });
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return;
            }

            response.EnsureSuccessStatusCode();
        }

        throw new InvalidOperationException("The registration write limit never answered 429.");
    }
}
