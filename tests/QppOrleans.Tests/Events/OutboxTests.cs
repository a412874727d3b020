using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Events;

namespace QppOrleans.Tests.Events;

public sealed class OutboxTests
{
    [Fact]
    public void N2_An_event_leaves_the_outbox_only_when_every_channel_that_acts_on_it_has_confirmed_it()
    {
        var outbox = new Outbox();
        var requested = Sample.AccessRequested(Sample.Person("staff"));
        outbox.Add([requested]);
        Assert.Equal(EventChannel.All, outbox.Entries.Single().AwaitingChannels);

        foreach (var channel in EventChannel.All.SkipLast(1))
        {
            Assert.True(outbox.Confirm(requested.EventId, channel));
            Assert.False(outbox.IsEmpty);
        }

        Assert.True(outbox.Confirm(requested.EventId, EventChannel.All[^1]));
        Assert.True(outbox.IsEmpty);
    }

    [Fact]
    public void N2_A_repeated_or_unknown_confirmation_changes_nothing()
    {
        var outbox = new Outbox();
        var requested = Sample.AccessRequested(Sample.Person("staff"));
        outbox.Add([requested]);

        Assert.True(outbox.Confirm(requested.EventId, EventChannel.Email));
        Assert.False(outbox.Confirm(requested.EventId, EventChannel.Email));
        Assert.False(outbox.Confirm(Guid.NewGuid(), EventChannel.Relay));
        Assert.Equal([EventChannel.Relay, EventChannel.Audit], outbox.Entries.Single().AwaitingChannels);
    }

    [Fact]
    public void N1_Each_event_goes_to_the_channels_that_act_on_it_and_the_registrations_history_is_not_copied_into_an_audit_trail()
    {
        var contact = new Recipient(null, "Jane Doe", "jane@example.org");
        var submitted = new RegistrationChanged { Organization = Sample.Practice(), Notify = [contact], Program = "cahps", RegistrationId = "100001" };
        var owner = Sample.Person("owner");
        var code = new OneTimeCodeIssued { To = owner, Code = "123456", ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(5) };

        // R-9 mails the contacts; R-14's history already holds the change.
        Assert.Equal([EventChannel.Email], EventRoutes.For(submitted));
        Assert.Equal([EventChannel.Email], EventRoutes.For(new SamplingResultRecorded { Organization = Sample.Practice(), Notify = [contact] }));
        Assert.Equal([EventChannel.Email, EventChannel.Relay, EventChannel.Audit], EventRoutes.For(Sample.AccessEscalated(owner)));
        Assert.Equal([EventChannel.Email, EventChannel.Audit], EventRoutes.For(code));
        Assert.Equal([EventChannel.Audit], EventRoutes.For(code with { Code = "" }));
        Assert.Equal([EventChannel.Audit], EventRoutes.For(new AccountChanged { Owner = owner, Change = AccountChanges.SignedOut }));
        Assert.Equal([EventChannel.Email, EventChannel.Relay, EventChannel.Audit], EventRoutes.For(new AccountChanged { Owner = owner, Change = AccountChanges.PasswordChanged }));

        // a reminder is mailed and shown to the Security Officials and kept in the trail; an
        // expiry also changes the requester's own copy of the request (the relay's projection).
        var official = Sample.Person("official");
        var reminded = new AccessRequestReminded { Organization = Sample.Practice(), Requester = owner, RequestId = "req-1", Role = "staff-user", Notify = [official] };
        var expired = new AccessRequestExpired { Organization = Sample.Practice(), Requester = owner, RequestId = "req-1", Role = "staff-user", Reason = "nobody decided", Notify = [owner, official] };
        Assert.Equal([EventChannel.Email, EventChannel.Relay, EventChannel.Audit], EventRoutes.For(reminded));
        Assert.Equal([EventChannel.Audit], EventRoutes.For(reminded with { Notify = [] }));
        Assert.Equal([EventChannel.Email, EventChannel.Relay, EventChannel.Audit], EventRoutes.For(expired));
        Assert.Equal([EventChannel.Relay, EventChannel.Audit], EventRoutes.For(expired with { Notify = [] }));

        // An event no channel acts on waits for nothing.
        var outbox = new Outbox();
        Assert.Empty(outbox.Add([submitted with { Notify = [] }]));
        Assert.True(outbox.IsEmpty);
    }

    [Fact]
    public void N2_An_outbox_stored_by_the_build_with_five_channels_awaits_the_relay_for_the_three_it_replaced()
    {
        var outbox = new Outbox();
        var entry = outbox.Add([Sample.AccessRequested(Sample.Person("staff"))]).Single();
        entry.AwaitingChannels = ["email", "inbox", "service-center", "audit", "projection"];

        outbox.AwaitCurrentChannels();

        Assert.Equal([EventChannel.Email, EventChannel.Relay, EventChannel.Audit], entry.AwaitingChannels);
    }

    [Fact]
    public void N2_Overdue_entries_are_those_never_published_or_published_longer_ago_than_the_patience()
    {
        var now = DateTimeOffset.UtcNow;
        var outbox = new Outbox();
        var entries = outbox.Add([Sample.AccessRequested(Sample.Person("a")), Sample.AccessRequested(Sample.Person("b")), Sample.AccessRequested(Sample.Person("c"))]);
        entries[1].LastPublishedAt = now - TimeSpan.FromSeconds(1);
        entries[2].LastPublishedAt = now - TimeSpan.FromSeconds(10);

        Assert.Equal([entries[0], entries[2]], outbox.Overdue(now, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void N2_Recent_events_remember_the_latest_ids_up_to_their_capacity()
    {
        var recent = new RecentEvents();
        var first = Guid.NewGuid();
        recent.Add(first);
        Assert.True(recent.Contains(first));

        for (var i = 0; i < RecentEvents.Capacity; i++)
        {
            recent.Add(Guid.NewGuid());
        }

        Assert.False(recent.Contains(first));
        Assert.Equal(RecentEvents.Capacity, recent.Ids.Count);
    }
}
