namespace QppOrleans.Grains.Accounts;

/// <summary>The numbers of .</summary>
public static class SignInRules
{
    /// <summary>A-4: this many failed sign-ins in a row lock the account…</summary>
    public const int MaxFailures = 5;

    /// <summary>…for this long.</summary>
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    /// <summary>A-3: a one-time code expires after five minutes.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);

    /// <summary>A-3: the fifth wrong code ends the challenge.</summary>
    public const int MaxWrongCodes = 5;

    /// <summary>How long a password check stays good for sending and verifying codes.</summary>
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Open challenges kept per account; a new one beyond this drops the oldest.</summary>
    public const int MaxOpenChallenges = 5;
}
