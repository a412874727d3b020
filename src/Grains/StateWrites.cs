namespace QppOrleans.Grains;

/// <summary>How every grain stores its state.</summary>
public static class StateWrites
{
    /// <summary>
    /// Stores the state. If that fails the activation is dropped, so that the next call reloads
    /// what is stored instead of serving a change that was never acknowledged.
    /// </summary>
    public static async Task WriteOrDeactivateAsync<TState>(this IGrainBase grain, IPersistentState<TState> state)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
