using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QppOrleans.Grains.Abstractions.Notifications;
using QppOrleans.Tests.Events;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Notifications;

/// <summary>N-1 over HTTP: on-screen notifications, the development mail sink, the Service Center queue.</summary>
[Collection(EmbeddedApiCollection.Name)]
public sealed class NotificationsApiTests(ApiFixture api)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task N1_A_person_sees_their_notifications_newest_first_pages_them_and_marks_one_read()
    {
        var requester = Sample.Person("staff");
        var securityOfficial = Sample.Person("so");
        var requested = Sample.AccessRequested(requester, securityOfficial);
        var escalated = Sample.AccessEscalated(requester) with { OccurredAt = requested.OccurredAt.AddSeconds(1) };
        await api.Grains.GetGrain<IAnnouncerGrain>($"announcer/{Guid.NewGuid():N}").AnnounceAsync([requested, escalated]);
        using var http = api.SignedIn(requester.UserId!);

        NotificationPage? page = null;
        await Eventually.HoldsAsync(
            async () => (page = await http.GetFromJsonAsync<NotificationPage>("/api/me/notifications"))!.TotalCount == 2,
            Patience,
            () => "both notifications should reach the inbox");
        Assert.Equal([escalated.EventId, requested.EventId], page!.Items.Select(n => n.Id));
        Assert.Equal(2, page.UnreadCount);
        Assert.Contains("Better Business Health", page.Items[1].Subject, StringComparison.Ordinal);

        var second = await http.GetFromJsonAsync<NotificationPage>("/api/me/notifications?page=2&pageSize=1");
        Assert.Equal(requested.EventId, Assert.Single(second!.Items).Id);

        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsync($"/api/me/notifications/{requested.EventId}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsync($"/api/me/notifications/{requested.EventId}/read", null)).StatusCode);
        var after = await http.GetFromJsonAsync<NotificationPage>("/api/me/notifications");
        Assert.Equal(1, after!.UnreadCount);
        Assert.True(after.Items.Single(n => n.Id == requested.EventId).Read);
    }

    [Fact]
    public async Task N1_Nobody_sees_or_marks_another_person_s_notifications()
    {
        var requester = Sample.Person("staff");
        var requested = Sample.AccessRequested(requester);
        await api.Grains.GetGrain<IAnnouncerGrain>($"announcer/{Guid.NewGuid():N}").AnnounceAsync([requested]);
        using var owner = api.SignedIn(requester.UserId!);
        await Eventually.HoldsAsync(
            async () => (await owner.GetFromJsonAsync<NotificationPage>("/api/me/notifications"))!.TotalCount == 1,
            Patience,
            () => "the notification should reach the inbox");

        using var stranger = api.SignedIn(Sample.Person("other").UserId!);
        Assert.Equal(0, (await stranger.GetFromJsonAsync<NotificationPage>("/api/me/notifications"))!.TotalCount);
        await AssertProblemAsync(await stranger.PostAsync($"/api/me/notifications/{requested.EventId}/read", null), HttpStatusCode.NotFound, "not-found");
        Assert.False((await owner.GetFromJsonAsync<NotificationPage>("/api/me/notifications"))!.Items.Single().Read);
    }

    [Theory]
    [InlineData("/api/me/notifications?page=0", "page")]
    [InlineData("/api/me/notifications?page=1001", "page")]
    [InlineData("/api/me/notifications?pageSize=0", "pageSize")]
    [InlineData("/api/me/notifications?pageSize=101", "pageSize")]
    public async Task Paging_outside_its_range_is_a_400_naming_the_field(string url, string field)
    {
        using var http = api.SignedIn("someone");
        var problem = await AssertProblemAsync(await http.GetAsync(url), HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Malformed_paging_and_ids_are_client_errors()
    {
        using var http = api.SignedIn("someone");
        await AssertProblemAsync(await http.GetAsync("/api/me/notifications?page=abc"), HttpStatusCode.BadRequest, "bad-request");
        await AssertProblemAsync(await http.PostAsync("/api/me/notifications/not-a-guid/read", null), HttpStatusCode.NotFound, "not-found");
        await AssertProblemAsync(await http.PostAsync($"/api/me/notifications/{Guid.NewGuid()}/read", null), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A6_Notifications_need_a_valid_bearer_token()
    {
        using var anonymous = api.Anonymous();
        await AssertProblemAsync(await anonymous.GetAsync("/api/me/notifications"), HttpStatusCode.Unauthorized, "unauthorized");

        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "not.a.token");
        await AssertProblemAsync(await anonymous.GetAsync("/api/me/notifications"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task N1_In_Development_the_mail_sink_shows_what_was_sent_to_an_address()
    {
        var requester = Sample.Person("staff");
        await api.Grains.GetGrain<IAnnouncerGrain>($"announcer/{Guid.NewGuid():N}").AnnounceAsync([Sample.AccessRequested(requester)]);
        using var http = api.Anonymous();

        JsonElement messages = default;
        await Eventually.HoldsAsync(
            async () => (messages = await http.GetFromJsonAsync<JsonElement>($"/api/dev/messages?to={Uri.EscapeDataString(requester.Email!.ToUpperInvariant())}")).GetArrayLength() == 1,
            Patience,
            () => "the sink should hold the message");
        var message = messages[0];
        Assert.Equal(requester.Email, message.GetProperty("to").GetString());
        Assert.Equal("QPP Access: your request to connect to Better Business Health", message.GetProperty("subject").GetString());
        Assert.Contains("Staff User", message.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.True(message.TryGetProperty("sentAt", out _));

        await AssertProblemAsync(await http.GetAsync("/api/dev/messages"), HttpStatusCode.BadRequest, "validation-failed");
        await AssertProblemAsync(await http.GetAsync("/api/dev/messages?to=not%20an%20address"), HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task A26_Escalations_reach_the_Service_Center_queue_which_only_operators_read()
    {
        var requester = Sample.Person("staff");
        var escalated = Sample.AccessEscalated(requester);
        await api.Grains.GetGrain<IAnnouncerGrain>($"announcer/{Guid.NewGuid():N}").AnnounceAsync([escalated]);

        using var anonymous = api.Anonymous();
        await AssertProblemAsync(await anonymous.GetAsync("/api/admin/service-center/requests"), HttpStatusCode.Unauthorized, "unauthorized");
        using var user = api.SignedIn(requester.UserId!);
        await AssertProblemAsync(await user.GetAsync("/api/admin/service-center/requests"), HttpStatusCode.Forbidden, "forbidden");

        using var operatorClient = api.SignedIn(ApiFixture.Operator.ToUpperInvariant());
        JsonElement queue = default;
        await Eventually.HoldsAsync(
            async () => (queue = await operatorClient.GetFromJsonAsync<JsonElement>("/api/admin/service-center/requests"))
                .EnumerateArray().Any(r => r.GetProperty("requestId").GetGuid() == escalated.EventId),
            Patience,
            () => "the escalation should be queued");
        var item = queue.EnumerateArray().Single(r => r.GetProperty("requestId").GetGuid() == escalated.EventId);
        Assert.Equal(requester.UserId, item.GetProperty("userId").GetString());
        Assert.Equal("open", item.GetProperty("status").GetString());
        Assert.Equal("practice", item.GetProperty("orgType").GetString());
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }
}
