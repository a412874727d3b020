namespace QppOrleans.Grains.Accounts;

/// <summary>
/// A sign-in past its password, waiting for a one-time code. Only hashes of its secret id
/// and of the current code are kept.
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

    public bool IsOpen(DateTimeOffset now) => !Closed && now < ExpiresAt;

    /// <summary>A new code replaces the previous one (only the latest code works).</summary>
    public void IssueCode(string codeHash, DateTimeOffset now)
    {
        CodeHash = codeHash;
        CodeExpiresAt = now + SignInRules.CodeLifetime;
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
