namespace QppOrleans.Grains.Abstractions.Registration;

/// <summary>R-5: the organization information of a registration; all but address 2 required.</summary>
[GenerateSerializer, Immutable, Alias("qpp.registration.OrganizationInfo")]
public sealed record OrganizationInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Address1,
    [property: Id(2)] string? Address2,
    [property: Id(3)] string? City,
    [property: Id(4)] string? State,
    [property: Id(5)] string? Zip)
{
    public bool IsComplete => !string.IsNullOrWhiteSpace(Name) && !string.IsNullOrWhiteSpace(Address1)
        && !string.IsNullOrWhiteSpace(City) && !string.IsNullOrWhiteSpace(State) && !string.IsNullOrWhiteSpace(Zip);
}
