namespace QppOrleans.Grains.Events;

/// <summary>
/// The ids of the events a channel took lately, to drop a repeated delivery (N-2). Repeats come
/// from the publisher's outbox within minutes, so a bounded window is enough.
/// </summary>
[GenerateSerializer, Alias("qpp.events.RecentEvents")]
public sealed class RecentEvents
{
    public const int Capacity = 1000;

    [Id(0)] public List<Guid> Ids { get; set; } = [];

    public bool Contains(Guid eventId) => Ids.Contains(eventId);

    public void Add(Guid eventId)
    {
        Ids.Add(eventId);
        if (Ids.Count > Capacity)
        {
            Ids.RemoveRange(0, Ids.Count - Capacity);
        }
    }
}
