namespace QppOrleans.Grains.Abstractions.Registration;

/// <summary>R-7: hands out registration ids unique across the cluster (key <see cref="GrainKeys.RegistrationIds"/>).</summary>
[Alias("qpp.registration.IRegistrationIdAllocatorGrain")]
public interface IRegistrationIdAllocatorGrain : IGrainWithStringKey
{
    /// <summary>A call repeated after a silo went away skips an id (R-7 allows gaps, never reuse).</summary>
    [Alias("Next"), Repeatable]
    Task<string> NextAsync();
}
