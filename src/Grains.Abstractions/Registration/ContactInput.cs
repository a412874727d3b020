namespace QppOrleans.Grains.Abstractions.Registration;

/// <summary>A contact as typed, already checked for form by the API.</summary>
[GenerateSerializer, Immutable, Alias("qpp.registration.ContactInput")]
public sealed record ContactInput(
    [property: Id(0)] string FirstName,
    [property: Id(1)] string LastName,
    [property: Id(2)] string Email,
    [property: Id(3)] string Phone,
    [property: Id(4)] string? Extension);
