using System.Text.RegularExpressions;
using MimeKit;

namespace QppOrleans.Grains.Abstractions.Accounts;

/// <summary>The checks on what a person types to create an account (A-1), with a message per field.</summary>
public static partial class AccountInput
{
    public const int MaxNameLength = 100;

    public const string UserIdRule = "A user id has 4 to 64 characters: letters, digits and . _ - @, starting with a letter or digit.";

    /// <summary>The one spelling of a user id: ids are case-insensitive (A-1).</summary>
    public static string NormalizeUserId(string userId) => userId.Trim().ToLowerInvariant();

    /// <summary>Spaces around an id are forgiven; a control character is not, even one that trimming would drop (U+0085).</summary>
    public static bool IsUserId(string? userId) => userId is not null && !userId.Any(char.IsControl) && UserIdPattern().IsMatch(userId.Trim());

    /// <summary>A US phone number in any common notation, as E.164 (+1 and ten digits); null when it is not one.</summary>
    public static string? NormalizePhone(string phone)
    {
        if (phone.Length > 32 || !PhoneCharacters().IsMatch(phone))
        {
            return null;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 11 && digits[0] == '1')
        {
            digits = digits[1..];
        }

        // NANP: area code and exchange do not start with 0 or 1.
        return digits.Length == 10 && digits[0] >= '2' && digits[3] >= '2' ? $"+1{digits}" : null;
    }

    public static bool IsEmail(string? email) =>
        email is { Length: > 0 and <= 254 }
        && MailboxAddress.TryParse(email, out var parsed)
        && parsed.Address == email.Trim()
        && EmailPattern().IsMatch(parsed.Address);

    /// <summary>Field name → messages; empty when everything is acceptable.</summary>
    public static Dictionary<string, string[]> Check(string? userId, string? password, string? firstName, string? lastName, string? email, string? phone)
    {
        var errors = new Dictionary<string, string[]>();
        if (!IsUserId(userId))
        {
            errors["userId"] = [UserIdRule];
        }

        if (password is null || !PasswordPolicy.IsAcceptable(password, IsUserId(userId) ? NormalizeUserId(userId!) : ""))
        {
            errors["password"] = [PasswordPolicy.Requirement];
        }

        CheckName(errors, "firstName", firstName);
        CheckName(errors, "lastName", lastName);
        if (!IsEmail(email))
        {
            errors["email"] = ["A valid email address is required; codes and notices are sent there."];
        }

        if (phone is not null && NormalizePhone(phone) is null)
        {
            errors["phone"] = ["A phone number is a US number of ten digits, e.g. 410-555-0123."];
        }

        return errors;
    }

    private static void CheckName(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > MaxNameLength || value.Any(char.IsControl))
        {
            errors[field] = [$"A name of 1 to {MaxNameLength} characters is required."];
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{3,63}$")]
    private static partial Regex UserIdPattern();

    [GeneratedRegex(@"^[0-9+().\- ]+$")]
    private static partial Regex PhoneCharacters();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
