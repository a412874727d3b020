using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Pages.Connect;

/// <summary>What a first Security Official (or a clinician) types to prove they know the organization .</summary>
public sealed class ValidationInput
{
    public string? Tin { get; set; }

    public string? Tin2 { get; set; }

    public string? Npi { get; set; }

    public string? Ptan { get; set; }

    public string? VendorId { get; set; }

    private bool IsEmpty => new[] { Tin, Tin2, Npi, Ptan, VendorId }.All(string.IsNullOrWhiteSpace);

    /// <summary>The body the API reads for <paramref name="orgType"/>; none when nothing was typed (an additional Security Official).</summary>
    public ValidationBody? ToBody(string orgType, string? apmValidation)
    {
        if (IsEmpty)
        {
            return null;
        }

        string? T(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        string[] Tins() => [.. new[] { T(Tin), T(Tin2) }.Where(t => t is not null).Select(t => t!)];
        return orgType switch
        {
            OrgTypes.Clinician => new ValidationBody(Npi: T(Npi), Ptan: T(Ptan)),
            OrgTypes.Practice => new ValidationBody(Tin: T(Tin), Npi: T(Npi), Ptan: T(Ptan)),
            OrgTypes.Registry => new ValidationBody(Tin: T(Tin), VendorId: T(VendorId)),
            OrgTypes.VirtualGroup => new ValidationBody(Tins: Tins()),
            _ when apmValidation == "tin-npi" => new ValidationBody(Tin: T(Tin), Npi: T(Npi)),
            _ => new ValidationBody(Tins: Tins()),
        };
    }
}
