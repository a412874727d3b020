using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Events;

/// <summary>
/// N-2: the wake-up reminder that guards unsent events and mail is taken away once the work is
/// done and stored — within seconds, not at its first tick a minute later (which after a
/// deadline surge was a second wave of writes for every organization).
/// </summary>
public sealed class WakeUpTests(WakeUpTests.MinuteWakeUps fixture) : IClassFixture<WakeUpTests.MinuteWakeUps>
{
    public sealed class MinuteWakeUps : EventsClusterFixture
    {
        public override TimeSpan WakeUpPeriod => TimeSpan.FromMinutes(1);
    }

    [Fact]
    public async Task N2_Once_every_channel_confirmed_and_the_mail_is_sent_the_wake_up_reminders_are_gone_before_their_first_tick()
    {
        var key = $"announcer/{Guid.NewGuid():N}";
        var requester = Sample.Person("staff");
        var announcer = fixture.Cluster.Client.GetGrain<IAnnouncerGrain>(key);

        await announcer.AnnounceAsync([Sample.AccessEscalated(requester)]);
        Assert.True(await fixture.RemindersOfAsync(key) >= 1, "the publisher arms its reminder before it stores the events");

        var took = await Eventually.HoldsAsync(
            async () => await announcer.UnconfirmedAsync() == 0 && fixture.Smtp.MessagesTo(requester.Email!).Count == 1
                && await fixture.RemindersOfAsync(key) == 0,
            TimeSpan.FromSeconds(45),
            () => "the events confirmed, the mail sent and the publisher's and email channel's reminders gone");
        Assert.True(took < fixture.WakeUpPeriod, $"the reminders went only after {took.TotalSeconds:F1} s");
    }
}
