namespace QppOrleans.Grains.Abstractions.Accounts;

public enum SendCodeOutcome
{
    Sent,

    /// <summary>No open challenge with that id (never issued, expired, used or closed).</summary>
    UnknownChallenge,

    UnknownDevice,
}
