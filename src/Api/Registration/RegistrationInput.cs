using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Abstractions.Registration;

namespace QppOrleans.Api.Registration;

/// <summary>The form checks of, with a message per field.</summary>
internal static class RegistrationInput
{
    public const int MaxLength = 200;

    public static Dictionary<string, string[]> CheckOrganization(OrganizationBody body)
    {
        var errors = new Dictionary<string, string[]>();
        Required(errors, "name", body.Name);
        Required(errors, "address1", body.Address1);
        Optional(errors, "address2", body.Address2);
        Required(errors, "city", body.City);
        if (body.State is not { Length: 2 } || !body.State.All(char.IsAsciiLetterUpper))
        {
            errors["state"] = ["A state is two capital letters, e.g. MD."];
        }

        var zip = body.Zip?.Trim();
        if (zip is null || !((zip.Length == 5 && zip.All(char.IsAsciiDigit)) || (zip.Length == 10 && zip[5] == '-' && zip.Remove(5, 1).All(char.IsAsciiDigit))))
        {
            errors["zip"] = ["A ZIP code is 5 digits or ZIP+4 (12345-6789)."];
        }

        return errors;
    }

    /// <summary>R-6: names, an email, a phone of ten digits (kept as digits), an optional extension of up to 6 digits.</summary>
    public static Dictionary<string, string[]> CheckContact(ContactBody body, out ContactInput? contact)
    {
        var errors = new Dictionary<string, string[]>();
        Required(errors, "firstName", body.FirstName);
        Required(errors, "lastName", body.LastName);
        if (!AccountInput.IsEmail(body.Email))
        {
            errors["email"] = ["A valid email address is required."];
        }

        var phone = TenDigits(body.Phone);
        if (phone is null)
        {
            errors["phone"] = ["A phone number is 10 digits, e.g. 410-555-0123."];
        }

        var extension = string.IsNullOrWhiteSpace(body.Extension) ? null : body.Extension.Trim();
        if (extension is not null && (extension.Length > 6 || !extension.All(char.IsAsciiDigit)))
        {
            errors["extension"] = ["An extension is up to 6 digits."];
        }

        contact = errors.Count == 0 ? new ContactInput(body.FirstName!.Trim(), body.LastName!.Trim(), body.Email!.Trim(), phone!, extension) : null;
        return errors;
    }

    /// <summary>R-6: ten digits in any usual notation (the seed's own example is 111-222-3344), a leading 1 dropped.</summary>
    private static string? TenDigits(string? phone)
    {
        if (phone is not { Length: > 0 and <= 20 } || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or ' ' or '(' or ')' or '.' or '+'))
        {
            return null;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 11 && digits[0] == '1' ? digits[1..] : digits.Length == 10 ? digits : null;
    }

    private static void Required(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > MaxLength || value.Any(char.IsControl))
        {
            errors[field] = [$"{field} is required: 1 to {MaxLength} characters."];
        }
    }

    private static void Optional(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (value is not null && (value.Trim().Length > MaxLength || value.Any(char.IsControl)))
        {
            errors[field] = [$"{field} is at most {MaxLength} characters."];
        }
    }
}
