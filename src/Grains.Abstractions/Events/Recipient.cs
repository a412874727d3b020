namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>
/// A person to tell. <see cref="UserId"/> reaches their on-screen notifications, <see cref="Email"/>
/// their mailbox, <see cref="Phone"/> (E.164, used when there is no email) a text message; a
/// registration contact may have only an email.
/// </summary>
[GenerateSerializer, Immutable, Alias("qpp.events.Recipient")]
public sealed record Recipient(
    [property: Id(0)] string? UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? Phone = null);
