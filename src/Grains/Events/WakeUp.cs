namespace QppOrleans.Grains.Events;

/// <summary>
/// The reminder that brings a grain with unconfirmed events back on another silo if its own dies.
/// It is registered before the first write of a non-empty outbox period of an activation and
/// removed by its own tick once the outbox is empty: one registration and one removal however many
/// changes the period holds. Whether it is registered is kept in memory only: a new activation
/// registers it again (an upsert) before its first events are stored, and a tick that finds the
/// outbox empty removes it without storing anything — every stored event it guarded was confirmed.
/// </summary>
public sealed class WakeUp(string reminderName)
{
    public string ReminderName => reminderName;

    /// <summary>Registered by this activation and not removed since.</summary>
    public bool Armed { get; private set; }

    public async Task ArmAsync(Grain grain, TimeSpan period)
    {
        if (!Armed)
        {
            await grain.RegisterOrUpdateReminder(reminderName, period, period);
            Armed = true;
        }
    }

    public async Task DisarmAsync(Grain grain)
    {
        Armed = false;
        if (await grain.GetReminder(reminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
