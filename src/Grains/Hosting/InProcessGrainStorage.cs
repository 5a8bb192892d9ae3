using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Storage;

namespace AriaPro.Grains.Hosting;

/// <summary>
/// The embedded mode's grain storage: every state lives in this process, serialized by the silo's
/// storage serializer, so a grain that writes and then changes its state in memory never changes
/// what is stored, and a reactivated grain reads exactly what was last written. A write is a
/// serialization and a dictionary update: Orleans' memory storage routes each one through a
/// storage grain instead (a grain call and a copy of the bytes per write, and writes that fail
/// once those grains have left a stopping silo). ETags are checked as a real store checks them.
/// Nothing survives the process (<c>ARIA_STORAGE=memory</c>): the durable store is
/// <see cref="SqliteGrainStorage"/>, cluster mode stores in Redis. With an <see cref="StorageExpiry"/>,
/// a record leaves <see cref="StorageExpiry.After"/> its last write, as in the durable store.
/// </summary>
public sealed class InProcessGrainStorage(IGrainStorageSerializer serializer, StorageExpiry? expiry = null) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId Grain), Stored> _states = new();
    private readonly ConcurrentDictionary<(string StateName, GrainId Grain), WriteHold> _holds = new();
    private long _version;
    private readonly SweepSchedule _sweeps = new();

    /// <summary>How many records are stored (expired ones not yet swept included).</summary>
    public int Count => _states.Count;

    /// <summary>How many writes the record has taken since it was created; 0 when there is none. For diagnostics and tests.</summary>
    public long WritesOf(string stateName, GrainId grainId) => Live((stateName, grainId))?.Writes ?? 0;

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Live((stateName, grainId)) is { } stored)
        {
            grainState.State = serializer.Deserialize<T>(stored.Data);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var data = serializer.Serialize(grainState.State);
        return _holds.TryGetValue(key, out var hold) ? WriteWhenReleased(hold, key, data, grainState) : Write(key, data, grainState);
    }

    /// <summary>
    /// Holds every write of the record until the hold is disposed, as a stalled disk would; for tests
    /// that need a grain's writes to overlap with what happens meanwhile.
    /// </summary>
    public WriteHold HoldWrites(string stateName, GrainId grainId)
    {
        var hold = new WriteHold(() => _holds.TryRemove((stateName, grainId), out _));
        return _holds.TryAdd((stateName, grainId), hold) ? hold : throw new InvalidOperationException($"writes of {stateName} of {grainId} are already held");
    }

    private async Task WriteWhenReleased<T>(WriteHold hold, (string, GrainId) key, BinaryData data, IGrainState<T> grainState)
    {
        await hold.Wait();
        await Write(key, data, grainState);
    }

    private Task Write<T>((string StateName, GrainId Grain) key, BinaryData data, IGrainState<T> grainState)
    {
        var (stateName, grainId) = key;
        var now = Sweep();
        var written = new Stored(data, NextETag(), expiry is null ? long.MaxValue : now + expiry.After.Ticks, 1);
        if (_states.TryGetValue(key, out var expired) && expired.ExpiresAt <= now)
        {
            // Gone for every reader already: the write starts a new record.
            _states.TryRemove(new KeyValuePair<(string, GrainId), Stored>(key, expired));
        }

        var replaced = _states.TryGetValue(key, out var current)
            ? current.ETag == grainState.ETag && _states.TryUpdate(key, written with { Writes = current.Writes + 1 }, current)
            : grainState.ETag is null && _states.TryAdd(key, written);
        if (!replaced)
        {
            return Task.FromException(Conflict("write", stateName, grainId, grainState.ETag));
        }

        grainState.ETag = written.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        if (_states.TryGetValue(key, out var current)
            && (current.ETag != grainState.ETag || !_states.TryRemove(new KeyValuePair<(string, GrainId), Stored>(key, current))))
        {
            return Task.FromException(Conflict("clear", stateName, grainId, grainState.ETag));
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string NextETag() => Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);

    private Stored? Live((string, GrainId) key) =>
        _states.TryGetValue(key, out var stored) && (expiry is null || stored.ExpiresAt > expiry.Time.GetUtcNow().UtcTicks) ? stored : null;

    // Drops expired records at most once per sweep interval; returns now (UTC ticks).
    private long Sweep()
    {
        if (expiry is null)
        {
            return long.MinValue;
        }

        var now = expiry.Time.GetUtcNow().UtcTicks;
        if (_sweeps.TakeIfDue(now))
        {
            foreach (var entry in _states.Where(e => e.Value.ExpiresAt <= now))
            {
                _states.TryRemove(entry);
            }
        }

        return now;
    }

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? etag) =>
        new($"cannot {operation} {stateName} of {grainId}: it was changed since it was read (ETag {etag ?? "none"})",
            _states.TryGetValue((stateName, grainId), out var stored) ? stored.ETag : "none", etag ?? "none");

    private sealed record Stored(BinaryData Data, string ETag, long ExpiresAt, long Writes);

    /// <summary>A hold on one record's writes (<see cref="HoldWrites"/>); disposing it lets them through.</summary>
    public sealed class WriteHold(Action remove) : IDisposable
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waiting;

        /// <summary>Writes waiting for the hold to end.</summary>
        public int Waiting => Volatile.Read(ref _waiting);

        /// <inheritdoc />
        public void Dispose()
        {
            remove();
            _released.TrySetResult();
        }

        internal async Task Wait()
        {
            Interlocked.Increment(ref _waiting);
            await _released.Task;
            Interlocked.Decrement(ref _waiting);
        }
    }
}
