namespace AriaPro.Grains.Hosting;

/// <summary>The one way a grain writes its state and recovers from a storage fault.</summary>
public static class StoredState
{
    /// <summary>
    /// Writes <paramref name="state"/>. Should the write fail, the activation is dropped once the
    /// current call ends, so the next call starts again from what storage really holds: the state in
    /// memory is ahead of storage, and a write that timed out may even have landed, leaving this
    /// activation an ETag that storage no longer has and on which every later write would fail. The
    /// failure still reaches the caller, to whom nothing was acknowledged.
    /// </summary>
    public static async Task WriteOrRestartAsync<T>(this IPersistentState<T> state, IGrainBase grain, CancellationToken cancellationToken = default)
    {
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
