namespace QppOrleans.Grains.Abstractions.Registration;

/// <summary>R-7: hands out registration ids unique across the cluster (key <see cref="GrainKeys.RegistrationIds"/>).</summary>
[Alias("qpp.registration.IRegistrationIdAllocatorGrain")]
public interface IRegistrationIdAllocatorGrain : IGrainWithStringKey
{
    [Alias("Next")]
    Task<string> NextAsync();
}
