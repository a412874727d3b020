namespace QppOrleans.Grains.Events;

/// <summary>The state of a grain that publishes events.</summary>
public interface IHasOutbox
{
    Outbox Outbox { get; }
}
