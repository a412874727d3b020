using System.Net;
using OpenQA.Selenium;
using QppOrleans.Portal.Tests.Infrastructure;

namespace QppOrleans.Portal.Tests.Flows;

/// <summary>A portal address that leads nowhere is an HTML page that says so, with a 404; the API keeps its JSON problem 404s.</summary>
[Collection(PortalCollection.Name)]
public sealed class NotFoundTests(PortalServer server)
{
    private readonly Backstage backstage = new(server.BaseAddress);

    [Fact]
    public async Task An_unknown_portal_path_is_an_HTML_404_page_and_an_unknown_API_path_stays_a_problem()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using (var page = await http.GetAsync("/no-such-page"))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<h1>Page not found</h1>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var apiPath in new[] { "/api/no-such-page", "/api", "/health/nothing" })
        {
            using var problem = await http.GetAsync(apiPath);
            Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
            Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
        }

        // The portal's fallback never shadows an API endpoint: a deny without a body (its body is optional) still reaches it.
        using (var deny = await http.PostAsync("/api/organizations/practice/000765630/access-requests/some-request/deny", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, deny.StatusCode);
        }

        using (var asset = await http.GetAsync("/assets/portal.css"))
        {
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        }

        using var browser = new Browser(server.BaseAddress, "not-found");
        browser.Go("/registration/2021/practice/nowhere/at/all");
        Assert.Equal("Page not found", browser.Heading);
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("header a[href='/sign-in']")));
        browser.Screen("not-found");

        // Signed in, the page keeps the person's navigation.
        var userId = Backstage.NewUserId("lost");
        await backstage.CreateAccountAsync(userId);
        await SignIn.AsAsync(browser, backstage, userId);
        browser.Go("/manage-access/nothing-here");
        Assert.Equal("Page not found", browser.Heading);
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("nav[aria-label='Side navigation'] a[href='/manage-access']")));
        browser.Screen("not-found-signed-in");
    }
}
