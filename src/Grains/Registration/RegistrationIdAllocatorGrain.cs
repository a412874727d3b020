using QppOrleans.Grains.Abstractions.Registration;

namespace QppOrleans.Grains.Registration;

/// <summary>
/// registration ids of six digits or more, never handed out twice. The grain leases a block
/// by storing the new high-water mark before it hands out any id of the block; a crash loses
/// the rest of the block (ids are skipped, never reused).
/// </summary>
public sealed class RegistrationIdAllocatorGrain(
    [PersistentState("registration-ids", QppStorage.Name)] IPersistentState<RegistrationIdAllocatorState> state) : Grain, IRegistrationIdAllocatorGrain
{
    public const long FirstId = 100_000;
    public const long BlockSize = 100;

    private long next;
    private long end;

    async Task<string> IRegistrationIdAllocatorGrain.NextAsync()
    {
        if (next >= end)
        {
            var start = state.State.HighWater;
            state.State.HighWater = start + BlockSize;
            await this.WriteOrDeactivateAsync(state);
            (next, end) = (start, start + BlockSize);
        }

        return (next++).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
