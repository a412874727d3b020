using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Notifications;
using QppOrleans.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QppOrleans.Tests.Events;

/// <summary>N-2: a change acknowledged to the caller is announced even if its silo dies before publishing.</summary>
public sealed class PublisherCrashTests(EventsClusterFixture fixture, ITestOutputHelper output) : IClassFixture<EventsClusterFixture>
{
    [Fact]
    public async Task N2_The_silo_dies_after_the_write_and_before_the_publish_and_the_email_still_arrives_exactly_once()
    {
        var cluster = fixture.Cluster;
        var key = $"announcer/{Guid.NewGuid():N}";
        var requester = Sample.Person("staff");
        var requested = Sample.AccessRequested(requester);
        AnnouncerGrain.DiesBeforePublishing[key] = "";

        var host = await cluster.Client.GetGrain<IAnnouncerGrain>(key).AnnounceAsync([requested]);
        await cluster.KillSiloAsync(cluster.Silos.Single(silo => silo.SiloAddress.ToString() == host));

        var took = await Eventually.HoldsAsync(
            () => Task.FromResult(fixture.Smtp.MessagesTo(requester.Email!).Count > 0),
            TimeSpan.FromSeconds(90),
            () => "the email should arrive after the surviving silo woke the publisher");
        output.WriteLine($"The email arrived {took.TotalSeconds:F1} s after the silo was killed.");
        await Eventually.HoldsAsync(
            async () => await cluster.Client.GetGrain<IAnnouncerGrain>(key).UnconfirmedAsync() == 0,
            TimeSpan.FromSeconds(60),
            () => "every channel should confirm the event");
        await Task.Delay(TimeSpan.FromSeconds(3));

        var email = Assert.Single(fixture.Smtp.MessagesTo(requester.Email!));
        Assert.Contains("Better Business Health", email.Subject, StringComparison.Ordinal);
        Assert.Equal(requested.EventId, Assert.Single((await cluster.Client.GetGrain<IInboxGrain>(GrainKeys.Inbox(requester.UserId!)).PageAsync(1, 20)).Items).Id);
        Assert.Single((await cluster.Client.GetGrain<IAuditTrailGrain>(key).PageAsync(0, 1000)).Items);
    }
}
