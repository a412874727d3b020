namespace QppOrleans.Grains.Abstractions.Notifications;

/// <summary>Development only: what the mail sink delivered to one address (<see cref="GrainKeys.Mailbox"/>).</summary>
[Alias("qpp.notifications.IDevMailboxGrain")]
public interface IDevMailboxGrain : IGrainWithStringKey
{
    [Alias("Deliver")]
    Task DeliverAsync(DeliveredMessage message);

    /// <summary>Newest first.</summary>
    [Alias("Read")]
    Task<DeliveredMessage[]> ReadAsync();
}
