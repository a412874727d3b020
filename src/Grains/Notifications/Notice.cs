using QppOrleans.Grains.Abstractions.Events;

namespace QppOrleans.Grains.Notifications;

/// <summary>What one person is told of an event, by email and (when <see cref="OnScreen"/>) on screen.</summary>
public sealed record Notice(Recipient To, string Subject, string Body, bool OnScreen);
