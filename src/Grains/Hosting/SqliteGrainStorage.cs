using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace AriaPro.Grains.Hosting;

/// <summary>
/// The embedded mode's durable grain storage: one SQLite file in WAL mode with
/// <c>synchronous=FULL</c>, so when a write's task completes its transaction is in the write-ahead
/// log and the log has been fsynced: the write survives a crash of the process or of the machine.
/// States are serialized by the silo's storage serializer, as <see cref="InProcessGrainStorage"/>
/// does, and ETags are checked the same way: a write with a stale ETag, or without one over an
/// existing record, throws <see cref="InconsistentStateException"/> and changes nothing.
/// <para>
/// Writes are group-committed: every write queues, and one writer thread takes all that are
/// waiting, applies them in one transaction (a write whose ETag does not match fails alone) and
/// commits once, so concurrent grains share one fsync. A storage fault (SQLITE_BUSY past
/// <see cref="SqliteStorageOptions.BusyTimeout"/>, a disk error) fails the writes of that batch,
/// which the grains see as a failed write (<see cref="StoredState"/> restarts them), and the next
/// batch reopens the connection: the store heals without a restart.
/// </para>
/// </summary>
public sealed partial class SqliteGrainStorage : IGrainStorage, IAsyncDisposable, IDisposable
{
    private readonly IGrainStorageSerializer _serializer;
    private readonly SqliteStorageOptions _options;
    private readonly ILogger<SqliteGrainStorage> _logger;
    private readonly string _writeConnectionString;
    private readonly string _readConnectionString;
    private readonly Channel<PendingStateWrite> _queue = Channel.CreateUnbounded<PendingStateWrite>(new() { SingleReader = true });
    private readonly Task _writeLoop;
    private SqliteStateWriter? _writer;
    private long _commits;
    private long _writesCommitted;
    private long _swept;
    private long _sweepUntil = long.MinValue;
    private int _disposed;

    /// <summary>Opens (or creates) the database and starts the writer thread.</summary>
    public SqliteGrainStorage(IGrainStorageSerializer serializer, SqliteStorageOptions options, ILogger<SqliteGrainStorage> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatch, 1, nameof(options));
        _serializer = serializer;
        _options = options;
        _logger = logger;
        _writeConnectionString = SqliteDatabase.ConnectionString(options, pooled: false);
        _readConnectionString = SqliteDatabase.ConnectionString(options, pooled: true);
        _writer = new SqliteStateWriter(_writeConnectionString, options);
        LogOpened(options.DatabasePath);

        // A thread of its own: every commit blocks on an fsync, which would hold a pool thread.
        _writeLoop = Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>How many transactions the writer has committed.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>How many writes and clears those transactions applied: more than <see cref="Commits"/> when writes shared a commit.</summary>
    public long WritesCommitted => Interlocked.Read(ref _writesCommitted);

    /// <inheritdoc />
    /// <remarks>
    /// Reads do not queue behind the writer: each takes a pooled connection of its own, and WAL lets
    /// it read the last commit while a batch is being written and fsynced. A write's task completes
    /// only after its commit, so a read that follows it sees it.
    /// </remarks>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, long.MinValue);

    /// <summary>Reads as <see cref="ReadStateAsync{T}(string, GrainId, IGrainState{T})"/>, a record expired by <paramref name="now"/> (UTC ticks) counting as absent.</summary>
    internal Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, long now)
    {
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            using var connection = new SqliteConnection(_readConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT data, etag FROM grain_state WHERE state_name = $state AND grain_id = $grain AND (expires_at IS NULL OR expires_at > $now)";
            command.Parameters.AddWithValue("$now", now);
            command.Parameters.AddWithValue("$state", stateName);
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                grainState.State = _serializer.Deserialize<T>(new BinaryData((byte[])reader.GetValue(0)));
                grainState.ETag = reader.GetInt64(1).ToString(CultureInfo.InvariantCulture);
                grainState.RecordExists = true;
            }

            return Task.CompletedTask;
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, expiresAt: null, long.MinValue);

    /// <summary>Writes a record that leaves storage at <paramref name="expiresAt"/> (UTC ticks); one expired by <paramref name="now"/> counts as absent.</summary>
    internal async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, long? expiresAt, long now)
    {
        // Serialized here, before the call returns: the grain may change its state while the write waits.
        var data = _serializer.Serialize(grainState.State).ToArray();
        grainState.ETag = await Enqueue(new PendingStateWrite(stateName, grainId.ToString(), data, grainState.ETag, expiresAt, now));
        grainState.RecordExists = true;
    }

    /// <summary>How many expired records sweeps have deleted.</summary>
    public long Swept => Interlocked.Read(ref _swept);

    /// <summary>Asks the writer to delete, with its next commit, every record expired by <paramref name="now"/> (UTC ticks).</summary>
    internal void RequestSweep(long now) => Interlocked.Exchange(ref _sweepUntil, now);

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await Enqueue(new PendingStateWrite(stateName, grainId.ToString(), null, grainState.ETag));
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>Stops taking writes, commits those already queued, and closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _writeLoop.ConfigureAwait(false);
        DropWriter();
        using var pooled = new SqliteConnection(_readConnectionString);
        SqliteConnection.ClearPool(pooled);
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private Task<string?> Enqueue(PendingStateWrite write) =>
        _queue.Writer.TryWrite(write) ? write.Completion.Task : Task.FromException<string?>(new ObjectDisposedException(nameof(SqliteGrainStorage)));

    private void WriteLoop()
    {
        var batch = new List<PendingStateWrite>(_options.MaxBatch);

        // Blocking on the wait is fine on this thread: it is the writer's alone. The loop ends once
        // the queue is completed and drained.
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < _options.MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            CommitAndComplete(batch);
            batch.Clear();
        }
    }

    private void CommitAndComplete(List<PendingStateWrite> batch)
    {
        int applied;
        try
        {
            _writer ??= new SqliteStateWriter(_writeConnectionString, _options);
            var sweep = Interlocked.Exchange(ref _sweepUntil, long.MinValue);
            (applied, var swept) = _writer.Commit(batch, sweep == long.MinValue ? null : sweep);
            Interlocked.Add(ref _swept, swept);
        }
        catch (Exception e)
        {
            LogBatchFailed(e, _options.DatabasePath, batch.Count);
            DropWriter();
            foreach (var write in batch)
            {
                write.Completion.TrySetException(e);
            }

            return;
        }

        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _writesCommitted, applied);
        foreach (var write in batch)
        {
            if (write.RefusedOver is { } stored)
            {
                write.Completion.TrySetException(Conflict(write, stored));
            }
            else
            {
                write.Completion.TrySetResult(write.NewETag);
            }
        }
    }

    private void DropWriter()
    {
        try
        {
            _writer?.Dispose();
        }
        catch (SqliteException e)
        {
            LogCloseFailed(e, _options.DatabasePath);
        }

        _writer = null;
    }

    private static InconsistentStateException Conflict(PendingStateWrite write, string stored) =>
        new($"cannot {(write.Data is null ? "clear" : "write")} {write.StateName} of {write.GrainId}: it was changed since it was read (ETag {write.ExpectedETag ?? "none"})",
            stored, write.ExpectedETag ?? "none");
}
