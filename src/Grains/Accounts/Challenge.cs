using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Abstractions.Events;

namespace QppOrleans.Grains.Accounts;

/// <summary>
/// A step waiting for a one-time code: a sign-in past its password, a signed-in
/// person confirming a change, or a password reset. Only hashes of its secret id and of the
/// current code are kept.
/// </summary>
[GenerateSerializer, Alias("qpp.accounts.Challenge")]
public sealed class Challenge
{
    [Id(0)] public string SecretHash { get; set; } = "";

    [Id(1)] public DateTimeOffset ExpiresAt { get; set; }

    [Id(2)] public string? CodeHash { get; set; }

    [Id(3)] public DateTimeOffset CodeExpiresAt { get; set; }

    [Id(4)] public int WrongCodes { get; set; }

    [Id(5)] public bool Closed { get; set; }

    /// <summary>One of <see cref="CodePurposes"/> (never <see cref="CodePurposes.NewDevice"/>).</summary>
    [Id(6)] public string Purpose { get; set; } = CodePurposes.SignIn;

    /// <summary>Codes this challenge has sent.</summary>
    [Id(7)] public int CodesSent { get; set; }

    public bool IsOpen(DateTimeOffset now) => !Closed && now < ExpiresAt;

    /// <summary>Each code is a message to the person, so a challenge sends only a few .</summary>
    public bool MaySendCode => CodesSent < SignInRules.MaxCodesPerChallenge;

    /// <summary>A new code replaces the previous one (only the latest code works).</summary>
    public void IssueCode(string codeHash, DateTimeOffset now)
    {
        CodeHash = codeHash;
        CodeExpiresAt = now + SignInRules.CodeLifetime;
        CodesSent++;
    }

    /// <summary>
    /// true once for the current unexpired code; a right code closes the challenge (single
    /// use), and the fifth wrong one closes it too.
    /// </summary>
    public bool Verify(string codeHash, DateTimeOffset now)
    {
        if (!IsOpen(now) || CodeHash is null)
        {
            return false;
        }

        if (now < CodeExpiresAt && Secrets.SameHash(CodeHash, codeHash))
        {
            Closed = true;
            return true;
        }

        WrongCodes++;
        Closed = WrongCodes >= SignInRules.MaxWrongCodes;
        return false;
    }
}
