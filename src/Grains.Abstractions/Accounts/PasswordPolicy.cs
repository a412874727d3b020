namespace QppOrleans.Grains.Abstractions.Accounts;

/// <summary>
/// Passwords like HARP's: 12 to 128 characters with at least three of upper case, lower case,
/// digits and symbols, and not containing the user id.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    public const string Requirement =
        "A password has 12 to 128 characters, at least three of: upper-case letters, lower-case letters, digits, symbols; and does not contain the user id.";

    public static bool IsAcceptable(string password, string userId)
    {
        if (password.Length is < MinLength or > MaxLength || password.Any(char.IsControl))
        {
            return false;
        }

        var classes = new[] { password.Any(char.IsUpper), password.Any(char.IsLower), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) };
        return classes.Count(present => present) >= 3
            && (userId.Length == 0 || !password.Contains(userId, StringComparison.OrdinalIgnoreCase));
    }
}
