namespace QppOrleans.Grains.Abstractions.Registration;

/// <summary>One program's registration: registered or not, since when, whether CMS registered it automatically .</summary>
[GenerateSerializer, Immutable, Alias("qpp.registration.ProgramStatus")]
public sealed record ProgramStatus(
    [property: Id(0)] bool Registered,
    [property: Id(1)] DateTimeOffset? RegisteredAt = null,
    [property: Id(2)] bool Auto = false);
