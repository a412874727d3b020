namespace QppOrleans.Grains.Abstractions.Access;

/// <summary>Keeps people's own views of their roles and requests (projections) in step with an organization's events.</summary>
[Alias("qpp.access.IProjectionChannelGrain")]
public interface IProjectionChannelGrain : IGrainWithStringKey;
