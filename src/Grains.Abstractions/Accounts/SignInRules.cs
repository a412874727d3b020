namespace QppOrleans.Grains.Abstractions.Accounts;

/// <summary>The numbers of .</summary>
public static class SignInRules
{
    /// <summary>A-4: this many failed passwords in a row from one client lock that client out of the account…</summary>
    public const int MaxFailures = 5;

    /// <summary>…for this long.</summary>
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    /// <summary>
    /// this many failed passwords within <see cref="Lockout"/>, from any clients the account
    /// does not know, lock out every such client; clients it knows still get in.
    /// </summary>
    public const int MaxFailuresFromUnknownClients = 20;

    /// <summary>Clients whose failures an account remembers; the oldest is forgotten beyond this.</summary>
    public const int ClientsRemembered = 1000;

    /// <summary>A-3: a one-time code expires after five minutes.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);

    /// <summary>A-3: the fifth wrong code ends the challenge.</summary>
    public const int MaxWrongCodes = 5;

    /// <summary>
    /// wrong codes an account takes across all its challenges within <see cref="Lockout"/>;
    /// one more closes every challenge for that long (a right password opens five fresh guesses,
    /// so the limit per challenge alone bounds nothing).
    /// </summary>
    public const int MaxWrongCodesPerAccount = 10;

    /// <summary>Codes one challenge may send (each is a message to the person).</summary>
    public const int MaxCodesPerChallenge = 3;

    /// <summary>How long a password check stays good for sending and verifying codes.</summary>
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Open challenges kept per account; a new one beyond this drops the oldest.</summary>
    public const int MaxOpenChallenges = 5;

    /// <summary>A-9: verification devices an account may hold.</summary>
    public const int MaxDevices = 10;
}
