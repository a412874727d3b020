namespace QppOrleans.Grains.Abstractions.Accounts;

public enum SendCodeOutcome
{
    Sent,

    /// <summary>No open challenge with that id (never issued, expired, used or closed).</summary>
    UnknownChallenge,

    UnknownDevice,

    /// <summary>The challenge has sent as many codes as one may; start again for another.</summary>
    TooManyCodes,
}
