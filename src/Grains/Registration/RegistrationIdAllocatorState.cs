namespace QppOrleans.Grains.Registration;

[GenerateSerializer, Alias("qpp.registration.RegistrationIdAllocatorState")]
public sealed class RegistrationIdAllocatorState
{
    /// <summary>Every id below this may have been handed out; none at or above it has.</summary>
    [Id(0)] public long HighWater { get; set; } = RegistrationIdAllocatorGrain.FirstId;
}
