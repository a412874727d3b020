namespace QppOrleans.Grains.Abstractions.Notifications;

/// <summary>
/// The email channel for the events of one publishing grain (same key): queues each message
/// durably, sends it over SMTP, retries with backoff until it is delivered or refused for good.
/// </summary>
[Alias("qpp.notifications.IEmailChannelGrain")]
public interface IEmailChannelGrain : IGrainWithStringKey
{
    [Alias("Status")]
    Task<EmailQueueStatus> StatusAsync();
}
