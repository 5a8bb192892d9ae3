using Orleans.Storage;

namespace AriaPro.Grains.Hosting;

/// <summary>
/// A provider on the shared <see cref="SqliteGrainStorage"/> whose records leave storage
/// <see cref="StorageExpiry.After"/> their last write: reads and ETag checks take an expired record
/// as absent, and the writer deletes expired records with a commit at most once per
/// <see cref="StorageExpiry.SweepInterval"/>.
/// </summary>
public sealed class ExpiringSqliteGrainStorage(SqliteGrainStorage store, StorageExpiry expiry) : IGrainStorage
{
    private readonly SweepSchedule _sweeps = new();

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        store.ReadStateAsync(stateName, grainId, grainState, Now());

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var now = Now();
        if (_sweeps.TakeIfDue(now))
        {
            store.RequestSweep(now);
        }

        return store.WriteStateAsync(stateName, grainId, grainState, now + expiry.After.Ticks, now);
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        store.ClearStateAsync(stateName, grainId, grainState);

    private long Now() => expiry.Time.GetUtcNow().UtcTicks;
}
