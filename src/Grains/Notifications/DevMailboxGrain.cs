using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Grains.Notifications;

/// <summary>Development only: the messages the development sink delivered to one address.</summary>
public sealed class DevMailboxGrain(
    [PersistentState("dev-mailbox", QppStorage.Name)] IPersistentState<DevMailboxState> state) : Grain, IDevMailboxGrain
{
    public const int Capacity = 200;

    async Task IDevMailboxGrain.DeliverAsync(DeliveredMessage message)
    {
        state.State.Messages.Add(message);
        if (state.State.Messages.Count > Capacity)
        {
            state.State.Messages.RemoveAt(0);
        }

        await this.WriteOrDeactivateAsync(state);
    }

    Task<DeliveredMessage[]> IDevMailboxGrain.ReadAsync() => Task.FromResult(Enumerable.Reverse(state.State.Messages).ToArray());
}
