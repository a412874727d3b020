namespace QppOrleans.Grains.Abstractions.Registration;

/// <summary>The registration after a command, or why the core refused it (its code and message), and an id the command created.</summary>
[GenerateSerializer, Immutable, Alias("qpp.registration.RegistrationResult")]
public sealed record RegistrationResult(
    [property: Id(0)] Refusal? Refusal,
    [property: Id(1)] RegistrationView? View = null,
    [property: Id(2)] string? CreatedId = null);
