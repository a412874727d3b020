using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Accounts;

[GenerateSerializer, Alias("qpp.accounts.UserState")]
public sealed class UserState : IHasOutbox
{
    /// <summary>Null for an id nobody registered.</summary>
    [Id(0)] public Account? Account { get; set; }

    [Id(1)] public int FailedSignIns { get; set; }

    [Id(2)] public DateTimeOffset? LockedUntil { get; set; }

    [Id(3)] public List<Challenge> Challenges { get; set; } = [];

    [Id(4)] public Outbox Outbox { get; set; } = new();

    /// <summary>Projection of the organizations' roles (the organizations are the authority), by organization key.</summary>
    [Id(5)] public Dictionary<string, Connection> Connections { get; set; } = [];

    /// <summary>Projection of the person's access requests, by request id.</summary>
    [Id(6)] public Dictionary<string, MyRequest> Requests { get; set; } = [];

    /// <summary>
    /// Written into every bearer token issued; raised when the account locks, so that tokens
    /// issued before stop working.
    /// </summary>
    [Id(7)] public int SessionEpoch { get; set; }

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && now < until;

    /// <summary>A-4: the fifth failure in a row locks sign-in for <see cref="SignInRules.Lockout"/> and ends the account's sessions.</summary>
    public void RecordFailure(DateTimeOffset now)
    {
        FailedSignIns++;
        if (FailedSignIns >= SignInRules.MaxFailures)
        {
            LockedUntil = now + SignInRules.Lockout;
            FailedSignIns = 0;
            SessionEpoch++;
        }
    }

    /// <summary>A right password resets the count and opens a challenge for the second factor.</summary>
    public Challenge OpenChallenge(string secretHash, DateTimeOffset now)
    {
        FailedSignIns = 0;
        LockedUntil = null;
        Challenges.RemoveAll(c => !c.IsOpen(now));
        if (Challenges.Count >= SignInRules.MaxOpenChallenges)
        {
            Challenges.RemoveAt(0);
        }

        var challenge = new Challenge { SecretHash = secretHash, ExpiresAt = now + SignInRules.ChallengeLifetime };
        Challenges.Add(challenge);
        return challenge;
    }

    public Challenge? FindChallenge(string secretHash) => Challenges.Find(c => Secrets.SameHash(c.SecretHash, secretHash));
}
