namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>
/// Where events travel. Each publishing grain writes to the stream keyed by its own grain key in
/// one namespace; the channel grains subscribe implicitly, so a channel activation shares the key
/// of the grain whose events it handles.
/// </summary>
public static class EventStreams
{
    public const string Provider = "events";

    public const string Namespace = "domain-events";
}
