using System.Globalization;
using QppOrleans.Grains.Accounts;

namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// The programs under test hash passwords at the fewest iterations a silo accepts instead
/// of the shipped 100,000: a run opens and signs in to hundreds of accounts, and at 60 ms of CPU a
/// hash on two cores that was a fifth of the suite's CPU. What a hash is does not change (salted
/// PBKDF2, the dummy hash of the same cost); <c>Accounts/PasswordsTests</c> checks the shipped work factor.
/// </summary>
public static class CheapPasswords
{
    public const string Key = PasswordHashingOptions.Section + ":Iterations";

    public static readonly string Iterations = PasswordHashingOptions.Fewest.ToString(CultureInfo.InvariantCulture);

    /// <summary>The same setting as an environment variable of a child process.</summary>
    public static string EnvironmentVariable => Key.Replace(":", "__", StringComparison.Ordinal);
}
