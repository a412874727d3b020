using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Notifications;
using QppOrleans.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QppOrleans.Tests.Events;

/// <summary>N-1 and N-2 on two silos with memory streams, PostgreSQL and a real SMTP server, all their own: one test stops the SMTP server.</summary>
public sealed class EventPipelineTests(EventsClusterFixture fixture, ITestOutputHelper output) : IClassFixture<EventsClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task N1_N2_An_event_published_three_times_reaches_every_channel_once()
    {
        var key = $"announcer/{Guid.NewGuid():N}";
        var requester = Sample.Person("staff");
        var securityOfficial = Sample.Person("so");
        var requested = Sample.AccessRequested(requester, securityOfficial);
        var escalated = Sample.AccessEscalated(requester);
        AnnouncerGrain.PublishTimes[key] = 3;

        await Grains.GetGrain<IAnnouncerGrain>(key).AnnounceAsync([requested, escalated]);

        await Eventually.HoldsAsync(
            async () => await Grains.GetGrain<IAnnouncerGrain>(key).UnconfirmedAsync() == 0
                && fixture.Smtp.MessagesTo(requester.Email!).Count == 2 && fixture.Smtp.MessagesTo(securityOfficial.Email!).Count == 1,
            Patience,
            () => "every channel should confirm both events and the three emails should arrive");
        await Task.Delay(TimeSpan.FromSeconds(2)); // late repeats would show up here

        Assert.Equal(2, fixture.Smtp.MessagesTo(requester.Email!).Count);
        Assert.Single(fixture.Smtp.MessagesTo(securityOfficial.Email!));
        var requesterInbox = await Grains.GetGrain<IInboxGrain>(GrainKeys.Inbox(requester.UserId!)).PageAsync(1, 20);
        Assert.Equal([escalated.EventId, requested.EventId], requesterInbox.Items.Select(n => n.Id).ToArray());
        Assert.Single((await Grains.GetGrain<IInboxGrain>(GrainKeys.Inbox(securityOfficial.UserId!)).PageAsync(1, 20)).Items);
        var audit = (await Grains.GetGrain<IAuditTrailGrain>(key).PageAsync(0, 1000)).Items;
        Assert.Equal(["access-escalated", "access-requested"], audit.Select(a => a.Action).ToArray());
        const string operatorId = "events-operator";
        await Grains.GetGrain<IUserGrain>(GrainKeys.User(operatorId)).ProvisionOperatorAsync(new NewAccount(operatorId, "Queue-Reader-Pass-99", "Ev", "Ops", "ops@example.org", null));
        var queue = await Grains.GetGrain<IServiceCenterQueueGrain>(GrainKeys.ServiceCenter).PageAsync(operatorId, resolved: false, 0, 1000);
        Assert.Single(queue.Items, r => r.Id == escalated.EventId);
    }

    [Fact]
    public async Task N2_While_the_SMTP_server_is_down_mail_waits_and_arrives_once_when_it_is_back()
    {
        var key = $"announcer/{Guid.NewGuid():N}";
        var people = Enumerable.Range(0, 5).Select(_ => Sample.Person("staff")).ToArray();
        await fixture.Smtp.StopAsync();
        try
        {
            foreach (var person in people)
            {
                await Grains.GetGrain<IAnnouncerGrain>(key).AnnounceAsync([Sample.AccessRequested(person)]);
            }

            var email = Grains.GetGrain<IEmailChannelGrain>(key);
            await Eventually.HoldsAsync(
                async () => (await email.StatusAsync()).Pending == people.Length,
                Patience,
                () => "the five messages should wait in the email channel's queue");
            await Task.Delay(TimeSpan.FromSeconds(3)); // several failed rounds of retries
            Assert.Equal(people.Length, (await email.StatusAsync()).Pending);
        }
        finally
        {
            await fixture.Smtp.StartAsync();
        }

        var took = await Eventually.HoldsAsync(
            async () => (await Grains.GetGrain<IEmailChannelGrain>(key).StatusAsync()).Pending == 0,
            Patience,
            () => "the queue should drain once the SMTP server is back");
        output.WriteLine($"Queue drained {took.TotalSeconds:F1} s after the SMTP server came back.");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.All(people, person => Assert.Single(fixture.Smtp.MessagesTo(person.Email!)));
        Assert.Equal(new EmailQueueStatus(people.Length, 0, 0), await Grains.GetGrain<IEmailChannelGrain>(key).StatusAsync());
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_for_good_is_set_aside_and_the_others_still_get_their_mail()
    {
        var key = $"announcer/{Guid.NewGuid():N}";
        var requester = Sample.Person("staff");
        var refused = requester with { Email = $"refused-{Guid.NewGuid():N}@example.org" };
        var securityOfficial = Sample.Person("so");

        await Grains.GetGrain<IAnnouncerGrain>(key).AnnounceAsync([Sample.AccessRequested(refused, securityOfficial)]);

        await Eventually.HoldsAsync(
            async () => await Grains.GetGrain<IEmailChannelGrain>(key).StatusAsync() == new EmailQueueStatus(1, 0, 1),
            Patience,
            () => "one message sent, one undeliverable");
        Assert.Single(fixture.Smtp.MessagesTo(securityOfficial.Email!));
        Assert.Empty(fixture.Smtp.MessagesTo(refused.Email!));
    }

    [Fact]
    public async Task N2_A_change_whose_wake_up_reminder_cannot_be_registered_is_refused_and_its_retry_is_mailed_once()
    {
        // A silo killed mid-surge made reminder registrations fail. The reminder is what wakes the
        // publisher on another silo, so a change whose reminder is not registered is not stored or
        // acknowledged; the caller's retry is, and its mail arrives once.
        var key = $"announcer/{Guid.NewGuid():N}";
        var requester = Sample.Person("staff");
        var requested = Sample.AccessRequested(requester);
        var announcer = Grains.GetGrain<IAnnouncerGrain>(key);
        FaultyReminderTable.FailNextUpserts[announcer.GetGrainId()] = 1;

        await Assert.ThrowsAnyAsync<Exception>(() => announcer.AnnounceAsync([requested]));
        await announcer.AnnounceAsync([requested]);

        await Eventually.HoldsAsync(
            async () => await announcer.UnconfirmedAsync() == 0 && fixture.Smtp.MessagesTo(requester.Email!).Count == 1,
            Patience,
            () => $"the event should be confirmed and its mail sent; email channel: {Grains.GetGrain<IEmailChannelGrain>(key).StatusAsync().Result}");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.False(FaultyReminderTable.FailNextUpserts.ContainsKey(announcer.GetGrainId()), "the injected failure should have been met");
        Assert.Single(fixture.Smtp.MessagesTo(requester.Email!));
        Assert.Equal(new EmailQueueStatus(1, 0, 0), await Grains.GetGrain<IEmailChannelGrain>(key).StatusAsync());
    }
}
