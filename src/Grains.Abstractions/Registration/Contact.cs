namespace QppOrleans.Grains.Abstractions.Registration;

/// <summary>R-6: a registration contact; the phone is ten digits.</summary>
[GenerateSerializer, Immutable, Alias("qpp.registration.Contact")]
public sealed record Contact(
    [property: Id(0)] string ContactId,
    [property: Id(1)] string FirstName,
    [property: Id(2)] string LastName,
    [property: Id(3)] string Email,
    [property: Id(4)] string Phone,
    [property: Id(5)] string? Extension);
