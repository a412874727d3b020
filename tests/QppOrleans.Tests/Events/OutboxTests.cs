using QppOrleans.Grains.Events;

namespace QppOrleans.Tests.Events;

public sealed class OutboxTests
{
    [Fact]
    public void N2_An_event_leaves_the_outbox_only_when_every_channel_has_confirmed_it()
    {
        var outbox = new Outbox();
        var requested = Sample.AccessRequested(Sample.Person("staff"));
        outbox.Add([requested]);

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
        Assert.False(outbox.Confirm(Guid.NewGuid(), EventChannel.Inbox));
        Assert.Equal([EventChannel.Inbox, EventChannel.ServiceCenter, EventChannel.Audit, EventChannel.Projection], outbox.Entries.Single().AwaitingChannels);
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
