using System.Net;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Accounts;

/// <summary>The API with a sign-in allowance of three requests a minute per client address.</summary>
public sealed class ThrottledApiFixture : ApiFixture
{
    protected override int SignInPermits => 3;
}

public sealed class SignInRateLimitTests(ThrottledApiFixture api) : IClassFixture<ThrottledApiFixture>
{
    [Fact]
    public async Task Sign_in_requests_beyond_the_allowance_get_429_with_Retry_After()
    {
        var portal = new Portal(api.BaseAddress);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await Portal.ProblemAsync(await portal.SignInAsync(Portal.NewUserId("nobody"), "Wrong-Password-99"), HttpStatusCode.Unauthorized, "invalid-credentials");
        }

        var throttled = await portal.SignInAsync(Portal.NewUserId("nobody"), "Wrong-Password-99");

        await Portal.ProblemAsync(throttled, HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.True(throttled.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, (await portal.Http.GetAsync("/health/live")).StatusCode);
    }
}
