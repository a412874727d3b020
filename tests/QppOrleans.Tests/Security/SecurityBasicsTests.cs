using System.Net;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using QppOrleans.Api.Errors;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Security;

/// <summary>Issue 9: security headers, request limits set on purpose, no stack traces outside Development.</summary>
[Collection(EmbeddedApiCollection.Name)]
public sealed class SecurityBasicsTests(ApiFixture api)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/api/apm-models")]
    [InlineData("/api/me")]
    [InlineData("/api/no-such-route")]
    public async Task Every_answer_carries_the_security_headers_and_api_answers_are_not_cached(string path)
    {
        using var http = api.Anonymous();
        using var response = await http.GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Server"));
        if (path.StartsWith("/api", StringComparison.Ordinal))
        {
            Assert.Equal("no-store", Header(response, "Cache-Control"));
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_and_creates_nothing()
    {
        using var http = api.Anonymous();
        var userId = $"huge-{Guid.NewGuid():N}"[..20];
        var body = JsonSerializer.Serialize(new { userId, password = "Correct-Horse-42", firstName = new string('a', 100_000), lastName = "Lee", email = "a@example.org" });
        using var response = await http.SendTextAsync(HttpMethod.Post, "/api/accounts", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("payload-too-large", (await Problem(response)).GetProperty("code").GetString());
        Assert.Null(await api.Grains.GetGrain<Grains.Abstractions.Accounts.IUserGrain>(Grains.Abstractions.GrainKeys.User(userId)).GetProfileAsync());
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("utf-7")]
    [InlineData("iso-8859-1")]
    public async Task A_body_that_declares_a_charset_other_than_UTF_8_is_refused_with_415_and_creates_nothing(string charset)
    {
        using var http = api.Anonymous();
        var userId = $"charset-{Guid.NewGuid():N}"[..20];
        using var content = new StringContent(Account(userId), Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"application/json; charset={charset}");
        using var response = await http.PostAsync("/api/accounts", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported-media-type", (await Problem(response)).GetProperty("code").GetString());
        Assert.Null(await api.Grains.GetGrain<Grains.Abstractions.Accounts.IUserGrain>(Grains.Abstractions.GrainKeys.User(userId)).GetProfileAsync());

        using var utf8 = new StringContent(Account(userId), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync("/api/accounts", utf8)).StatusCode);
    }

    [Fact]
    public async Task A_JSON_object_naming_a_property_twice_is_refused_with_400_and_creates_nothing()
    {
        using var http = api.Anonymous();
        var userId = $"twice-{Guid.NewGuid():N}"[..20];
        var body = Account(userId).Replace("\"lastName\"", "\"firstName\":\"Eve\",\"lastName\"", StringComparison.Ordinal);
        using var response = await http.SendTextAsync(HttpMethod.Post, "/api/accounts", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Problem(response);
        Assert.Equal("bad-request", problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Null(await api.Grains.GetGrain<Grains.Abstractions.Accounts.IUserGrain>(Grains.Abstractions.GrainKeys.User(userId)).GetProfileAsync());

        // Deep inside a body too: which "tin" would count is exactly what must not be guessed.
        using var person = api.SignedIn(Accounts.Portal.NewUserId());
        const string Nested = """{"orgType":"practice","items":[{"orgId":"000765630","role":"staff-user","validation":{"tin":"000765630","tin":"123456789"}}]}""";
        using var nested = await person.SendTextAsync(HttpMethod.Post, "/api/access-requests", Nested);
        Assert.Equal(HttpStatusCode.BadRequest, nested.StatusCode);
        Assert.Equal("bad-request", (await Problem(nested)).GetProperty("code").GetString());
        Assert.Equal(0, (await person.GetFromJsonAsync<JsonElement>("/api/me/access-requests")).GetArrayLength());
    }

    private static string Account(string userId) => JsonSerializer.Serialize(new
    {
        userId, password = "Correct-Horse-42", firstName = "Ann", lastName = "Lee", email = $"{userId}@example.org", phone = "410-555-0123",
    });

    [Fact]
    public async Task Headers_and_request_lines_over_the_limits_are_refused_with_a_4xx()
    {
        using var http = api.Anonymous();
        using var bigHeader = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        bigHeader.Headers.Add("X-Filler", new string('x', 40_000));
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, (await http.SendAsync(bigHeader)).StatusCode);

        using var manyHeaders = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        for (var i = 0; i < 80; i++)
        {
            manyHeaders.Headers.Add($"X-Filler-{i}", "x");
        }

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, (await http.SendAsync(manyHeaders)).StatusCode);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, (await http.GetAsync("/api/organizations/search?type=practice&q=" + new string('a', 10_000))).StatusCode);
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    [InlineData("Development", true)]
    public async Task An_unexpected_error_is_a_500_problem_whose_exception_details_show_only_in_Development(string environment, bool detailed)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var handler = new ProblemExceptionHandler(
            services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(),
            new Environment(environment),
            NullLogger<ProblemExceptionHandler>.Instance);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();

        Assert.True(await handler.TryHandleAsync(context, new InvalidOperationException("secret internals: connection string Host=db;Password=hunter2"), default));

        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body);
        var body = await reader.ReadToEndAsync();
        Assert.Equal(500, context.Response.StatusCode);
        Assert.Contains("internal-error", body, StringComparison.Ordinal);
        Assert.Equal(detailed, body.Contains("hunter2", StringComparison.Ordinal));
        Assert.Equal(detailed, body.Contains("InvalidOperationException", StringComparison.Ordinal));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;

    private static async Task<JsonElement> Problem(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "QppOrleans.Api";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
