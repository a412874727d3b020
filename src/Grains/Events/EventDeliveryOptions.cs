namespace QppOrleans.Grains.Events;

/// <summary>How patiently a publishing grain waits for confirmations (section <c>Events</c>).</summary>
public sealed class EventDeliveryOptions
{
    public const string Section = "Events";

    /// <summary>First wait before an unconfirmed event is published again; doubles each round.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Period of the reminder that wakes a grain with unsent events after its silo died. Orleans
    /// refuses periods under <c>ReminderOptions.MinimumReminderPeriod</c> (one minute by default).
    /// </summary>
    public TimeSpan WakeUpPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
