using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QppOrleans.Grains.Abstractions.Accounts;

namespace QppOrleans.Grains.Accounts;

/// <summary>
/// passwords are kept only as ASP.NET Core Identity v3 hashes (PBKDF2-HMAC-SHA512, salted)
/// of <see cref="PasswordHashingOptions.Iterations"/> rounds. A-4: an id without an account is
/// checked against a dummy hash of the same cost, so the answer takes as long as a wrong password.
/// </summary>
public sealed class Passwords
{
    private readonly PasswordHasher<string> hasher;
    private readonly string dummyHash;

    public Passwords(IOptions<PasswordHashingOptions> options)
    {
        hasher = new PasswordHasher<string>(Options.Create(new PasswordHasherOptions { IterationCount = options.Value.Iterations }));
        dummyHash = hasher.HashPassword("", Secrets.NewToken());
    }

    public string Hash(string userId, string password) => hasher.HashPassword(userId, password);

    /// <summary>Checks <paramref name="password"/> against <paramref name="hash"/>, or against the dummy hash when there is no account.</summary>
    public PasswordVerificationResult Verify(string userId, string? hash, string password) => hasher.VerifyHashedPassword(userId, hash ?? dummyHash, password);
}

/// <summary>Section <c>Accounts:PasswordHashing</c>: the work factor of new password hashes .</summary>
public sealed class PasswordHashingOptions
{
    public const string Section = "Accounts:PasswordHashing";

    /// <summary>The fewest iterations a silo starts with.</summary>
    public const int Fewest = 10_000;

    /// <summary>
    /// PBKDF2 iterations of each new hash: Identity's 100,000 by default. A stored hash of fewer
    /// is replaced at its owner's next sign-in.
    /// </summary>
    public int Iterations { get; set; } = 100_000;
}
