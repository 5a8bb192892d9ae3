using AriaPro.Grains.Hosting;
using AriaPro.Grains.Trading;
using Orleans.Storage;

namespace AriaPro.Grains.Tests.Hosting;

[Trait("Category", "Unit")]
public sealed class SqliteGrainStorageTests : IAsyncLifetime
{
    private const string StateName = "order";
    private static readonly GrainId Grain = GrainId.Create("order", "sqlite-1");
    private readonly SqliteFolder _folder = new();
    private SqliteGrainStorage _storage = null!;

    public Task InitializeAsync()
    {
        _storage = _folder.Storage();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Read_NothingWritten_LeavesTheDefaultStateAndNoRecord()
    {
        var state = New();

        await _storage.ReadStateAsync(StateName, Grain, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Null(Of(state).Symbol);
    }

    [Fact]
    public async Task Write_ThenReadThroughANewStorageOnTheFile_ReturnsWhatWasWritten()
    {
        var written = New("EURUSD");
        await _storage.WriteStateAsync(StateName, Grain, written);
        Of(written).Symbol = "GBPUSD";
        await _storage.DisposeAsync();

        _storage = _folder.Storage();
        var read = New();
        await _storage.ReadStateAsync(StateName, Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("EURUSD", Of(read).Symbol);
    }

    [Fact]
    public async Task Write_WithAStaleETag_IsRefusedAndTheStoredStateStays()
    {
        var first = New("EURUSD");
        await _storage.WriteStateAsync(StateName, Grain, first);
        var stale = New("USDJPY");
        stale.ETag = "stale";

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, Grain, stale));
        var read = New();
        await _storage.ReadStateAsync(StateName, Grain, read);

        Assert.Contains("changed since it was read", conflict.Message);
        Assert.Equal(first.ETag, conflict.StoredEtag);
        Assert.Equal("stale", conflict.CurrentEtag);
        Assert.Equal("EURUSD", Of(read).Symbol);
        Assert.Equal(first.ETag, read.ETag);
        Assert.Equal("stale", stale.ETag);
    }

    [Fact]
    public async Task Write_WithoutAnETagOverAnExistingRecord_IsRefusedAndTheStoredStateStays()
    {
        var first = New("EURUSD");
        await _storage.WriteStateAsync(StateName, Grain, first);
        var second = New("USDJPY");

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, Grain, second));
        var read = New();
        await _storage.ReadStateAsync(StateName, Grain, read);

        Assert.Equal("none", conflict.CurrentEtag);
        Assert.Equal("EURUSD", Of(read).Symbol);
        Assert.Equal(first.ETag, read.ETag);
        Assert.Null(second.ETag);
        Assert.False(second.RecordExists);
    }

    [Fact]
    public async Task Write_WithAnETagWhereNoRecordIs_IsRefused()
    {
        var state = New("EURUSD");
        state.ETag = "7";

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, Grain, state));
        var read = New();
        await _storage.ReadStateAsync(StateName, Grain, read);

        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task Write_EachWrite_GetsANewETag()
    {
        var state = New("EURUSD");

        await _storage.WriteStateAsync(StateName, Grain, state);
        var first = state.ETag;
        await _storage.WriteStateAsync(StateName, Grain, state);

        Assert.NotNull(first);
        Assert.NotEqual(first, state.ETag);
        Assert.True(state.RecordExists);
    }

    [Fact]
    public async Task Clear_WithTheCurrentETag_RemovesTheRecord()
    {
        var state = New("EURUSD");
        await _storage.WriteStateAsync(StateName, Grain, state);

        await _storage.ClearStateAsync(StateName, Grain, state);
        var read = New();
        await _storage.ReadStateAsync(StateName, Grain, read);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.False(read.RecordExists);
        Assert.Null(Of(read).Symbol);
    }

    [Fact]
    public async Task Clear_WithAStaleETag_IsRefusedAndTheRecordStays()
    {
        var state = New("EURUSD");
        await _storage.WriteStateAsync(StateName, Grain, state);
        var stale = New();
        stale.ETag = "stale";

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync(StateName, Grain, stale));
        var read = New();
        await _storage.ReadStateAsync(StateName, Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal("stale", stale.ETag);
    }

    [Fact]
    public async Task Write_AfterAClear_NeverGetsBackAnETagOfTheClearedRecord()
    {
        var first = New("EURUSD");
        await _storage.WriteStateAsync(StateName, Grain, first);
        var cleared = first.ETag;
        await _storage.ClearStateAsync(StateName, Grain, first);

        var again = New("EURUSD");
        await _storage.WriteStateAsync(StateName, Grain, again);
        var stale = New("USDJPY");
        stale.ETag = cleared;

        Assert.NotEqual(cleared, again.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, Grain, stale));
    }

    [Fact]
    public async Task Write_SameGrainUnderAnotherStateName_IsAnotherRecord()
    {
        await _storage.WriteStateAsync(StateName, Grain, New("EURUSD"));

        var other = New();
        await _storage.ReadStateAsync("other", Grain, other);

        Assert.False(other.RecordExists);
    }

    [Fact]
    public async Task Write_AfterDispose_ThrowsObjectDisposed()
    {
        await _storage.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => _storage.WriteStateAsync(StateName, Grain, New("EURUSD")));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => _storage.ReadStateAsync(StateName, Grain, New()));
    }

    private static GrainState<OrderRoute> New(string? symbol = null) => new(new OrderRoute { Symbol = symbol });

    private static OrderRoute Of(GrainState<OrderRoute> state) => state.State ?? throw new InvalidOperationException("the storage left no state");
}
