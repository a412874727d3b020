namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>
/// Something changed about how a person signs in (A-7 … A-9): kept in their own audit trail and,
/// except for an ordinary sign-out, mailed to the account's email.
/// </summary>
[GenerateSerializer, Alias("qpp.events.AccountChanged")]
public sealed record AccountChanged : DomainEvent
{
    /// <summary>The account holder, at the account's email.</summary>
    [Id(0)] public Recipient Owner { get; init; } = null!;

    /// <summary>One of <see cref="AccountChanges"/>.</summary>
    [Id(1)] public string Change { get; init; } = "";

    /// <summary>E.g. the masked device that was added or removed.</summary>
    [Id(2)] public string? Detail { get; init; }
}

public static class AccountChanges
{
    public const string SignedOut = "signed-out";
    public const string SignedOutEverywhere = "signed-out-everywhere";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string DeviceAdded = "device-added";
    public const string DeviceRemoved = "device-removed";

    /// <summary>Too many wrong codes: the account's open sign-ins were closed for a while.</summary>
    public const string CodesLocked = "codes-locked";

    /// <summary>The account was set up as an operator's by the provisioning command.</summary>
    public const string OperatorProvisioned = "operator-provisioned";
}
