using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Notifications;
using QppOrleans.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QppOrleans.Tests.Events;

/// <summary>
/// N-2: a change acknowledged to the caller is announced even if its silo dies before publishing,
/// or the email channel's silo dies before the mail is out (on a cluster of its own: each test
/// adds a silo and kills one).
/// </summary>
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
        await cluster.StartAdditionalSiloAsync();

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

    [Fact]
    public async Task N2_The_email_channels_silo_dies_while_the_mail_waits_for_the_SMTP_server_and_the_mail_still_arrives_once()
    {
        // The email channel keeps no queue of its own in storage: the publisher's outbox holds the
        // event until the channel has sent its mail, and sends it again to the channel's next activation.
        var cluster = fixture.Cluster;
        var key = $"announcer/{Guid.NewGuid():N}";
        var requester = Sample.Person("staff");
        var email = cluster.Client.GetGrain<IEmailChannelGrain>(key);
        await cluster.StartAdditionalSiloAsync();
        await fixture.Smtp.StopAsync();
        try
        {
            await cluster.Client.GetGrain<IAnnouncerGrain>(key).AnnounceAsync([Sample.AccessRequested(requester)]);
            await Eventually.HoldsAsync(async () => (await email.StatusAsync()).Pending == 1, TimeSpan.FromSeconds(60), () => "the mail should wait in the email channel");
            var host = await cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(email);
            await cluster.KillSiloAsync(cluster.Silos.Single(silo => silo.SiloAddress.Equals(host)));
        }
        finally
        {
            await fixture.Smtp.StartAsync();
        }

        var took = await Eventually.HoldsAsync(
            () => Task.FromResult(fixture.Smtp.MessagesTo(requester.Email!).Count > 0),
            TimeSpan.FromSeconds(90),
            () => "the email should arrive after the publisher sent the event to the channel's new activation");
        output.WriteLine($"The email arrived {took.TotalSeconds:F1} s after the SMTP server came back.");
        await Eventually.HoldsAsync(
            async () => await cluster.Client.GetGrain<IAnnouncerGrain>(key).UnconfirmedAsync() == 0,
            TimeSpan.FromSeconds(60),
            () => "every channel should confirm the event");
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Single(fixture.Smtp.MessagesTo(requester.Email!));
    }
}
