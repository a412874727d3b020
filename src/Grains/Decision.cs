using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Events;

namespace QppOrleans.Grains;

/// <summary>
/// What the functional core decided for one command: the new state and its events, or why it
/// refused. <see cref="State"/> is null when nothing is to be written (a refusal, or a command that
/// changes nothing). The grain writes <see cref="State"/> and assigns it only once the write succeeded.
/// </summary>
public sealed record Decision<TState>(TState? State, IReadOnlyList<DomainEvent> Events, Refusal? Refusal = null)
    where TState : class;
