namespace QppOrleans.Grains.Abstractions.Diagnostics;

/// <summary>
/// A grain with persisted state that proves the plumbing end to end: activation, storage,
/// failover. Readiness asks it whether storage answers.
/// </summary>
[Alias("qpp.diagnostics.IProbeGrain")]
public interface IProbeGrain : IGrainWithStringKey
{
    /// <summary>Stores <paramref name="value"/>; returns once the write is durable.</summary>
    [Alias("Write")]
    Task<ProbeReading> WriteAsync(string value);

    /// <summary>The value held by the activation (as loaded from storage on activation).</summary>
    [Alias("Read")]
    Task<ProbeReading> ReadAsync();

    /// <summary>Reads the state from storage again, proving the store answers right now.</summary>
    [Alias("CheckStorage")]
    Task<ProbeReading> CheckStorageAsync();
}
