using System.Globalization;
using System.Text.Json;

namespace QppOrleans.Portal.Tests.Infrastructure;

/// <summary>A practice of the tests' own, with one clinician whose NPI and PTAN validate it .</summary>
public sealed record Practice(string Tin, string Name, string Npi, string Ptan)
{
    public string ShownTin => $"{Tin[..2]}-{Tin[2..]}";

    public static Practice New(string name)
    {
        var tin = "9" + Random.Shared.NextInt64(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        var npi = NewNpi();
        var ptan = "PT" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        return new Practice(tin, $"{name} {tin[^4..]}", npi, ptan);
    }

    /// <summary>The directory line (API.md "Import record formats").</summary>
    public string Line() => JsonSerializer.Serialize(new
    {
        kind = "practice",
        tin = Tin,
        name = Name,
        address1 = "123 Better Health Way",
        city = "Baltimore",
        state = "MD",
        zip = "21239",
        clinicians = new[] { new { npi = Npi, ptan = Ptan, firstName = "Ann", lastName = "Lee" } },
    });

    /// <summary>Nine digits and the Luhn check digit over the prefix 80840 .</summary>
    public static string NewNpi()
    {
        var body = "1" + Random.Shared.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        var digits = ("80840" + body).Select(c => c - '0').ToArray();
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
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

        return body + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
