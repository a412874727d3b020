using QppOrleans.Grains.Abstractions.Diagnostics;

namespace QppOrleans.Grains.Diagnostics;

/// <remarks>
/// The state name is unique to this grain class: the ADO.NET storage keys rows by state name,
/// not by grain class (dotnet/orleans#8746), so a shared name would share rows.
/// </remarks>
public sealed class ProbeGrain(
    [PersistentState("probe", QppStorage.Name)] IPersistentState<ProbeState> state) : Grain, IProbeGrain
{
    async Task<ProbeReading> IProbeGrain.WriteAsync(string value)
    {
        state.State.Value = value;
        state.State.Writes++;
        await state.WriteStateAsync();
        return Reading();
    }

    Task<ProbeReading> IProbeGrain.ReadAsync() => Task.FromResult(Reading());

    async Task<ProbeReading> IProbeGrain.CheckStorageAsync()
    {
        await state.ReadStateAsync();
        return Reading();
    }

    private ProbeReading Reading() => new(state.State.Value, state.State.Writes, RuntimeIdentity);
}
