using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Accounts;

/// <summary>
/// An account's stored state. Failed passwords are not here: they are counted in memory
/// (<see cref="SignInGuard"/>), so that a guess stores nothing.
/// </summary>
[GenerateSerializer, Alias("qpp.accounts.UserState")]
public sealed class UserState : IHasOutbox
{
    /// <summary>Null for an id nobody registered.</summary>
    [Id(0)] public Account? Account { get; set; }

    [Id(3)] public List<Challenge> Challenges { get; set; } = [];

    [Id(4)] public Outbox Outbox { get; set; } = new();

    /// <summary>Projection of the organizations' roles (the organizations are the authority), by organization key.</summary>
    [Id(5)] public Dictionary<string, Connection> Connections { get; set; } = [];

    /// <summary>Projection of the person's access requests, by request id.</summary>
    [Id(6)] public Dictionary<string, MyRequest> Requests { get; set; } = [];

    /// <summary>
    /// Written into every bearer token issued; raised by signing out everywhere and by a password
    /// reset, so that tokens issued before stop working.
    /// </summary>
    [Id(7)] public int SessionEpoch { get; set; }

    /// <summary>A-7: tokens signed out one by one, until they would have expired.</summary>
    [Id(8)] public List<SignedOutToken> SignedOut { get; set; } = [];

    /// <summary>Wrong codes across sign-in and confirmation challenges since <see cref="WrongCodesSince"/> (A-3).</summary>
    [Id(9)] public int WrongCodes { get; set; }

    [Id(10)] public DateTimeOffset WrongCodesSince { get; set; }

    /// <summary>Until then no sign-in or confirmation challenge opens .</summary>
    [Id(11)] public DateTimeOffset? CodesLockedUntil { get; set; }

    /// <summary>
    /// Wrong reset codes, counted apart: anyone may start a reset for any id, so wrong reset codes
    /// must not close the owner's sign-in.
    /// </summary>
    [Id(12)] public int WrongResetCodes { get; set; }

    [Id(13)] public DateTimeOffset WrongResetCodesSince { get; set; }

    [Id(14)] public DateTimeOffset? ResetLockedUntil { get; set; }

    /// <summary>A-9: a device being added, waiting for its code.</summary>
    [Id(15)] public PendingDevice? PendingDevice { get; set; }

    public bool CodesLocked(DateTimeOffset now) => CodesLockedUntil is { } until && now < until;

    public bool ResetLocked(DateTimeOffset now) => ResetLockedUntil is { } until && now < until;

    /// <summary>Opens a challenge; expired and closed ones go, and beyond the limit the oldest.</summary>
    public Challenge OpenChallenge(string secretHash, string purpose, DateTimeOffset now)
    {
        Challenges.RemoveAll(c => !c.IsOpen(now));
        if (Challenges.Count >= SignInRules.MaxOpenChallenges)
        {
            Challenges.RemoveAt(0);
        }

        var challenge = new Challenge { SecretHash = secretHash, ExpiresAt = now + SignInRules.ChallengeLifetime, Purpose = purpose };
        Challenges.Add(challenge);
        return challenge;
    }

    public Challenge? FindChallenge(string secretHash, DateTimeOffset now) =>
        Challenges.Find(c => Secrets.SameHash(c.SecretHash, secretHash) && c.IsOpen(now));

    /// <summary>
    /// checks a code of one of the account's challenges, counting a wrong one against the
    /// account's allowance of its kind. True once for the right code. When the allowance runs out,
    /// every challenge of that kind closes and <paramref name="locked"/> says so.
    /// </summary>
    public bool Verify(Challenge challenge, string code, DateTimeOffset now, out bool locked)
    {
        locked = false;
        var right = challenge.Verify(Secrets.Hash(code), now);
        if (challenge.Closed)
        {
            Challenges.Remove(challenge);
        }

        if (!right)
        {
            locked = challenge.Purpose == CodePurposes.PasswordReset ? WrongResetCode(now) : WrongCode(now);
        }

        return right;
    }

    /// <summary>A wrong code of a device being added counts like any other .</summary>
    public bool WrongCode(DateTimeOffset now)
    {
        if (WrongCodes == 0 || now - WrongCodesSince >= SignInRules.Lockout)
        {
            (WrongCodes, WrongCodesSince) = (0, now);
        }

        if (++WrongCodes < SignInRules.MaxWrongCodesPerAccount)
        {
            return false;
        }

        WrongCodes = 0;
        CodesLockedUntil = now + SignInRules.Lockout;
        Challenges.RemoveAll(c => c.Purpose != CodePurposes.PasswordReset);
        PendingDevice = null;
        return true;
    }

    /// <summary>A-8: the fresh password makes every earlier failure and challenge moot; every session ends.</summary>
    public void ResetPassword(string passwordHash)
    {
        Account!.PasswordHash = passwordHash;
        SessionEpoch++;
        SignedOut.Clear();
        Challenges.Clear();
        PendingDevice = null;
        (WrongCodes, CodesLockedUntil, WrongResetCodes, ResetLockedUntil) = (0, null, 0, null);
    }

    /// <summary>
    /// A code is no longer kept in plain text once it has expired: an event still waiting for a
    /// channel keeps everything but the code.
    /// </summary>
    public void ForgetExpiredCodes(DateTimeOffset now)
    {
        foreach (var entry in Outbox.Entries)
        {
            if (entry.Event is OneTimeCodeIssued { Code.Length: > 0 } code && code.ExpiresAt <= now)
            {
                entry.Event = code with { Code = "" };
            }
        }
    }

    private bool WrongResetCode(DateTimeOffset now)
    {
        if (WrongResetCodes == 0 || now - WrongResetCodesSince >= SignInRules.Lockout)
        {
            (WrongResetCodes, WrongResetCodesSince) = (0, now);
        }

        if (++WrongResetCodes < SignInRules.MaxWrongCodesPerAccount)
        {
            return false;
        }

        WrongResetCodes = 0;
        ResetLockedUntil = now + SignInRules.Lockout;
        Challenges.RemoveAll(c => c.Purpose == CodePurposes.PasswordReset);
        return true;
    }
}
