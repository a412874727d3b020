namespace QppOrleans.Grains.Abstractions.Notifications;

/// <summary>The relay channel of one publishing grain (same key); it is reached through its stream only.</summary>
[Alias("qpp.notifications.IRelayChannelGrain")]
public interface IRelayChannelGrain : IGrainWithStringKey;
