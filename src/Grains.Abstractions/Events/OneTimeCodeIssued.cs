namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>A sign-in verification code to send to the device the person chose .</summary>
[GenerateSerializer, Alias("qpp.events.OneTimeCodeIssued")]
public sealed record OneTimeCodeIssued : DomainEvent
{
    [Id(0)] public Recipient To { get; init; } = null!;

    [Id(1)] public string Code { get; init; } = "";

    [Id(2)] public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Never prints the code, so that no log line can carry it.</summary>
    public override string ToString() => $"{nameof(OneTimeCodeIssued)} {{ EventId = {EventId} }}";
}
