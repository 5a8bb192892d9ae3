using AriaPro.Grains.Hosting;
using AriaPro.Grains.Trading;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace AriaPro.Grains.Tests.Hosting;

/// <summary>
/// The writer's batches. A test holds SQLite's write lock from another connection while it queues
/// its writes, so the first batch waits at BEGIN and every write queued meanwhile is in the queue
/// when the writer next looks: the batches do not depend on how fast this machine fsyncs (on a fast
/// disk the writer can keep up with a loop that queues, and commit one write at a time).
/// </summary>
[Trait("Category", "Unit")]
public sealed class SqliteGroupCommitTests : IDisposable
{
    private const string StateName = "order";
    private const int SqliteBusy = 5;
    private readonly SqliteFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Write_200ConcurrentGrains_AllCommitInAtMostTwoCommits()
    {
        await using var storage = _folder.Storage();
        var states = Enumerable.Range(0, 200).Select(i => New($"SYM{i}")).ToList();

        Task[] writes;
        using (_folder.HoldWriteLock())
        {
            writes = [.. states.Select((state, i) => storage.WriteStateAsync(StateName, Grain(i), state))];
        }

        await Task.WhenAll(writes);
        var read = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Read(storage, Grain(i))));

        // The first batch may have taken only the first write before it waited; all others queued behind it.
        Assert.Equal(200, storage.WritesCommitted);
        Assert.InRange(storage.Commits, 1, 2);
        Assert.Equal(200, states.Select(s => s.ETag).Distinct().Count());
        Assert.Equal(states.Select(s => s.State?.Symbol), read.Select(r => r.State?.Symbol));
        Assert.Equal(states.Select(s => s.ETag), read.Select(r => r.ETag));
    }

    [Fact]
    public async Task Write_ConflictingWriteInABatch_FailsAloneAndTheOthersCommit()
    {
        await using var storage = _folder.Storage();
        var existing = New("EURUSD");
        await storage.WriteStateAsync(StateName, Grain(1), existing);
        var (commits, committed) = (storage.Commits, storage.WritesCommitted);
        var before = New("GBPUSD");
        var stale = New("USDJPY");
        stale.ETag = "stale";
        var after = New("AUDUSD");

        Task first, conflicting, last;
        using (_folder.HoldWriteLock())
        {
            first = storage.WriteStateAsync(StateName, Grain(2), before);
            conflicting = storage.WriteStateAsync(StateName, Grain(1), stale);
            last = storage.WriteStateAsync(StateName, Grain(3), after);
        }

        await Assert.ThrowsAsync<InconsistentStateException>(() => conflicting);
        await Task.WhenAll(first, last);

        // Three writes in at most two commits: however they were split, the refused one shared its
        // transaction with a write that committed.
        Assert.InRange(storage.Commits - commits, 1, 2);
        Assert.Equal(2, storage.WritesCommitted - committed);
        Assert.Equal(("EURUSD", existing.ETag), Stored(await Read(storage, Grain(1))));
        Assert.Equal(("GBPUSD", before.ETag), Stored(await Read(storage, Grain(2))));
        Assert.Equal(("AUDUSD", after.ETag), Stored(await Read(storage, Grain(3))));
    }

    [Fact]
    public async Task Write_WhileAnotherConnectionHoldsTheLockPastTheTimeout_FailsAndTheNextWriteSucceeds()
    {
        await using var storage = _folder.Storage(_folder.Options with { BusyTimeout = TimeSpan.FromSeconds(1) });
        var refused = New("EURUSD");

        SqliteException fault;
        using (_folder.HoldWriteLock())
        {
            fault = await Assert.ThrowsAsync<SqliteException>(() => storage.WriteStateAsync(StateName, Grain(1), refused));
        }

        var retried = New("GBPUSD");
        await storage.WriteStateAsync(StateName, Grain(1), retried);
        var read = await Read(storage, Grain(1));

        Assert.Equal(SqliteBusy, fault.SqliteErrorCode);
        Assert.Null(refused.ETag);
        Assert.False(refused.RecordExists);
        Assert.Equal(("GBPUSD", retried.ETag), Stored(read));
        Assert.Equal(1, storage.Commits);
    }

    [Fact]
    public async Task DisposeAsync_WithWritesQueued_CommitsThemBeforeItCloses()
    {
        var storage = _folder.Storage();
        var states = Enumerable.Range(0, 10).Select(i => New($"SYM{i}")).ToList();

        Task[] writes;
        Task disposed;
        using (_folder.HoldWriteLock())
        {
            writes = [.. states.Select((state, i) => storage.WriteStateAsync(StateName, Grain(i), state))];
            disposed = storage.DisposeAsync().AsTask();
        }

        await disposed;
        await Task.WhenAll(writes);
        await using var reopened = _folder.Storage();
        var read = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Read(reopened, Grain(i))));

        Assert.Equal(10, storage.WritesCommitted);
        Assert.Equal(states.Select(s => s.ETag), read.Select(r => r.ETag));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => storage.WriteStateAsync(StateName, Grain(99), New("EURUSD")));
    }

    private static GrainId Grain(int i) => GrainId.Create("order", $"batch-{i}");

    private static GrainState<OrderRoute> New(string symbol) => new(new OrderRoute { Symbol = symbol });

    private static async Task<GrainState<OrderRoute>> Read(SqliteGrainStorage storage, GrainId grain)
    {
        var state = new GrainState<OrderRoute>(new OrderRoute());
        await storage.ReadStateAsync(StateName, grain, state);
        return state;
    }

    private static (string? Symbol, string? ETag) Stored(GrainState<OrderRoute> state) => (state.State?.Symbol, state.ETag);
}
