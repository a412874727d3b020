namespace QppOrleans.Grains.Abstractions.Accounts;

public enum SignInOutcome
{
    /// <summary>The password was right: pick a device for the one-time code.</summary>
    Challenged,

    /// <summary>Unknown user id or wrong password, never told apart .</summary>
    InvalidCredentials,

    /// <summary>
    /// Too many failures from this client, or from clients the account does not know, or too many
    /// wrong codes; try again after <see cref="SignInResult.LockedUntil"/> (A-3, A-4).
    /// </summary>
    Locked,
}
