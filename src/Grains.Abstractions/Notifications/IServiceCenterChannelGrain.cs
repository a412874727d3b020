namespace QppOrleans.Grains.Abstractions.Notifications;

/// <summary>Passes escalations among the events of one publishing grain (same key) to the Service Center queue.</summary>
[Alias("qpp.notifications.IServiceCenterChannelGrain")]
public interface IServiceCenterChannelGrain : IGrainWithStringKey;
