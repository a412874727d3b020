namespace QppOrleans.Grains.Events;

/// <summary>
/// A reminder kept registered while a grain holds durable work (unsent events, unsent mail), so
/// that the grain is activated again on another silo if its own dies. It is armed before the
/// work is stored and disarmed only after the grain has stored that nothing is left.
/// </summary>
[GenerateSerializer, Alias("qpp.events.WakeUp")]
public sealed class WakeUp
{
    [Id(0)] public bool Armed { get; set; }

    public async Task ArmAsync(Grain grain, string reminderName, TimeSpan period)
    {
        if (!Armed)
        {
            await grain.RegisterOrUpdateReminder(reminderName, period, period);
            Armed = true;
        }
    }

    /// <summary>Call once the grain has stored <see cref="Armed"/> as false.</summary>
    public static async Task CancelAsync(Grain grain, string reminderName)
    {
        if (await grain.GetReminder(reminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
