namespace QppOrleans.Grains.Events;

/// <summary>The state of a grain that publishes events.</summary>
public interface IHasOutbox
{
    /// <summary>The publisher's own: a state the core decided over takes the live outbox when it is committed.</summary>
    Outbox Outbox { get; set; }
}
