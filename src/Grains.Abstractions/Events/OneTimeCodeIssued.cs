namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>A verification code to send to a device .</summary>
[GenerateSerializer, Alias("qpp.events.OneTimeCodeIssued")]
public sealed record OneTimeCodeIssued : DomainEvent
{
    [Id(0)] public Recipient To { get; init; } = null!;

    /// <summary>Emptied once the code has expired, so that no stored copy of it is still good.</summary>
    [Id(1)] public string Code { get; init; } = "";

    [Id(2)] public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>What the code is for: one of <see cref="CodePurposes"/>.</summary>
    [Id(3)] public string Purpose { get; init; } = CodePurposes.SignIn;

    /// <summary>Never prints the code, so that no log line can carry it.</summary>
    public override string ToString() => $"{nameof(OneTimeCodeIssued)} {{ EventId = {EventId}, Purpose = {Purpose} }}";
}

/// <summary>Why a person was sent a code; the message they get says so.</summary>
public static class CodePurposes
{
    public const string SignIn = "sign-in";

    /// <summary>A signed-in person confirms a change of their password or devices .</summary>
    public const string Confirmation = "confirmation";

    public const string PasswordReset = "password-reset";

    /// <summary>Proves the person holds a device they are adding .</summary>
    public const string NewDevice = "new-device";
}
