using AriaPro.Grains.Hosting;
using AriaPro.Grains.Trading;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;

namespace AriaPro.Grains.Tests.Hosting;

/// <summary>The orders' retention in both embedded stores: a record leaves its retention after its last write, and no sooner.</summary>
[Trait("Category", "Unit")]
public sealed class StorageExpiryTests : IDisposable
{
    private const string StateName = "order";
    private static readonly TimeSpan Retention = TimeSpan.FromDays(90);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly SqliteFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Stores => ["sqlite", "memory"];

    [Theory, MemberData(nameof(Stores))]
    public async Task Read_WithinTheRetention_FindsTheRecordAndAfterItNone(string store)
    {
        await using var _ = Open(store, out var storage);
        await storage.WriteStateAsync(StateName, Grain("kept"), State("EURUSD"));

        _time.Advance(Retention - TimeSpan.FromMinutes(1));
        var within = await ReadAsync(storage, "kept");
        _time.Advance(TimeSpan.FromMinutes(2));
        var after = await ReadAsync(storage, "kept");

        Assert.True(within.RecordExists);
        Assert.Equal("EURUSD", within.State!.Symbol);
        Assert.False(after.RecordExists);
        Assert.Null(after.State!.Symbol);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Write_RestartsTheRetentionAndAFreshRecordMayReplaceAnExpiredOne(string store)
    {
        await using var _ = Open(store, out var storage);
        var state = State("EURUSD");
        await storage.WriteStateAsync(StateName, Grain("renewed"), state);
        _time.Advance(TimeSpan.FromDays(60));
        await storage.WriteStateAsync(StateName, Grain("renewed"), state);
        await storage.WriteStateAsync(StateName, Grain("reused"), State("GBPUSD"));

        _time.Advance(TimeSpan.FromDays(89));
        var renewed = await ReadAsync(storage, "renewed");
        _time.Advance(TimeSpan.FromDays(2));
        var reused = await ReadAsync(storage, "reused");
        var (expiredExists, expiredETag) = (reused.RecordExists, reused.ETag);
        await storage.WriteStateAsync(StateName, Grain("reused"), reused);

        Assert.True(renewed.RecordExists);
        Assert.False(expiredExists);
        Assert.Null(expiredETag);
        Assert.True((await ReadAsync(storage, "reused")).RecordExists);
    }

    [Fact]
    public async Task Sqlite_ExpiredRecords_AreDeletedFromTheFileByTheNextWriteAfterTheSweepInterval()
    {
        await using var store = _folder.Storage();
        var storage = new ExpiringSqliteGrainStorage(store, new StorageExpiry(Retention, _time));
        for (var i = 0; i < 5; i++)
        {
            await storage.WriteStateAsync(StateName, Grain($"old-{i}"), State("EURUSD"));
        }

        _time.Advance(Retention + StorageExpiry.SweepInterval);
        await storage.WriteStateAsync(StateName, Grain("new"), State("EURUSD"));
        var rowsAfterTheSweepingWrite = Rows();
        await storage.WriteStateAsync(StateName, Grain("new"), await ReadAsync(storage, "new"));

        Assert.Equal(5, store.Swept);
        Assert.Equal(1, rowsAfterTheSweepingWrite);
        Assert.Equal(1, Rows());
    }

    [Fact]
    public async Task Memory_ExpiredRecords_AreDroppedByTheNextWriteAfterTheSweepInterval()
    {
        var storage = new InProcessGrainStorage(_folder.Serializer, new StorageExpiry(Retention, _time));
        for (var i = 0; i < 5; i++)
        {
            await storage.WriteStateAsync(StateName, Grain($"old-{i}"), State("EURUSD"));
        }

        var before = storage.Count;
        _time.Advance(Retention + StorageExpiry.SweepInterval);
        await storage.WriteStateAsync(StateName, Grain("new"), State("EURUSD"));

        Assert.Equal(5, before);
        Assert.Equal(1, storage.Count);
    }

    [Fact]
    public async Task Sqlite_WithoutExpiry_RecordsStayForever()
    {
        await using var store = _folder.Storage();
        await store.WriteStateAsync(StateName, Grain("forever"), State("EURUSD"));

        _time.Advance(TimeSpan.FromDays(3650));
        var read = new GrainState<OrderRoute> { State = new() };
        await store.ReadStateAsync(StateName, Grain("forever"), read);

        Assert.True(read.RecordExists);
    }

    private IAsyncDisposable Open(string store, out IGrainStorage storage)
    {
        var expiry = new StorageExpiry(Retention, _time);
        if (store == "memory")
        {
            storage = new InProcessGrainStorage(_folder.Serializer, expiry);
            return new Nothing();
        }

        var sqlite = _folder.Storage();
        storage = new ExpiringSqliteGrainStorage(sqlite, expiry);
        return sqlite;
    }

    private int Rows()
    {
        using var connection = new SqliteConnection($"Data Source={_folder.Options.DatabasePath};Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM grain_state";
        return (int)(long)count.ExecuteScalar()!;
    }

    private static async Task<GrainState<OrderRoute>> ReadAsync(IGrainStorage storage, string id)
    {
        var state = new GrainState<OrderRoute> { State = new() };
        await storage.ReadStateAsync(StateName, Grain(id), state);
        return state;
    }

    private static GrainState<OrderRoute> State(string symbol) => new() { State = new() { Symbol = symbol, Delivered = true } };

    private static GrainId Grain(string id) => GrainId.Create("order", id);

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
