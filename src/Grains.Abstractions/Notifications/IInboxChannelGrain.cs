namespace QppOrleans.Grains.Abstractions.Notifications;

/// <summary>Passes the events of one publishing grain (same key) to the inboxes of the people they name.</summary>
[Alias("qpp.notifications.IInboxChannelGrain")]
public interface IInboxChannelGrain : IGrainWithStringKey;
