namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>
/// A National Provider Identifier: ten digits whose last is a Luhn check digit computed over the
/// prefix 80840 and the first nine digits.
/// </summary>
[GenerateSerializer, Immutable, Alias("qpp.directory.Npi")]
public readonly record struct Npi([property: Id(0)] string Value)
{
    public static bool TryParse(string? text, out Npi npi, out string error)
    {
        npi = default;
        if (text is not { Length: 10 } || !text.All(char.IsAsciiDigit))
        {
            error = "An NPI is exactly 10 digits.";
            return false;
        }

        if (CheckDigit(text[..9]) != text[9] - '0')
        {
            error = "The NPI's check digit is wrong (Luhn over 80840 and the first nine digits).";
            return false;
        }

        npi = new Npi(text);
        error = "";
        return true;
    }

    /// <summary>The Luhn check digit for an NPI's first nine digits.</summary>
    public static int CheckDigit(string firstNine)
    {
        var digits = "80840" + firstNine;
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            // Doubling starts with the rightmost digit, since the check digit will follow it.
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (10 - (sum % 10)) % 10;
    }

    public override string ToString() => Value;
}
