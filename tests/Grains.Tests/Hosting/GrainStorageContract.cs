using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Trading;
using Orleans.Storage;

namespace AriaPro.Grains.Tests.Hosting;

/// <summary>
/// What every grain storage of AriaPro must do, whatever keeps the bytes: ETags checked as a real
/// store checks them, nothing changed by a refused write, a state copied when written. Each store's
/// test class runs these against its own.
/// </summary>
[Trait("Category", "Unit")]
public abstract class GrainStorageContract
{
    protected const string StateName = "order";
    protected static readonly GrainId Grain = GrainId.Create("order", "storage-1");

    /// <summary>The store under test.</summary>
    protected abstract IGrainStorage Storage { get; }

    [Fact]
    public async Task Write_ThenChangedInMemory_ReadReturnsWhatWasWritten()
    {
        var written = New("EURUSD");
        await Storage.WriteStateAsync(StateName, Grain, written);
        Of(written).Symbol = "GBPUSD";
        Of(written).Archived = new OrderView("storage-1", "GBPUSD", OrderSide.Buy, OrderType.Market, 1m, null, 1m, 1.1m, OrderStatus.Filled, null, "api", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, false);

        var read = New();
        await Storage.ReadStateAsync(StateName, Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("EURUSD", Of(read).Symbol);
        Assert.Null(Of(read).Archived);
        Assert.NotSame(Of(written), Of(read));
    }

    [Fact]
    public async Task Read_NothingWritten_LeavesTheDefaultStateAndNoRecord()
    {
        var state = New();

        await Storage.ReadStateAsync(StateName, Grain, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Null(Of(state).Symbol);
    }

    [Fact]
    public async Task Write_WithAStaleETag_IsRefusedAndTheStoredStateStays()
    {
        var first = New("EURUSD");
        await Storage.WriteStateAsync(StateName, Grain, first);
        var stale = New("USDJPY");
        stale.ETag = "stale";

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, Grain, stale));
        var read = New();
        await Storage.ReadStateAsync(StateName, Grain, read);

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
        await Storage.WriteStateAsync(StateName, Grain, first);
        var second = New("USDJPY");

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, Grain, second));
        var read = New();
        await Storage.ReadStateAsync(StateName, Grain, read);

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

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, Grain, state));
        var read = New();
        await Storage.ReadStateAsync(StateName, Grain, read);

        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task Write_EachWrite_GetsANewETag()
    {
        var state = New("EURUSD");

        await Storage.WriteStateAsync(StateName, Grain, state);
        var first = state.ETag;
        await Storage.WriteStateAsync(StateName, Grain, state);

        Assert.NotNull(first);
        Assert.NotEqual(first, state.ETag);
        Assert.True(state.RecordExists);
    }

    [Fact]
    public async Task Clear_WithTheCurrentETag_RemovesTheRecord()
    {
        var state = New("EURUSD");
        await Storage.WriteStateAsync(StateName, Grain, state);

        await Storage.ClearStateAsync(StateName, Grain, state);
        var read = New();
        await Storage.ReadStateAsync(StateName, Grain, read);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.False(read.RecordExists);
        Assert.Null(Of(read).Symbol);
    }

    [Fact]
    public async Task Clear_WithAStaleETag_IsRefusedAndTheRecordStays()
    {
        var state = New("EURUSD");
        await Storage.WriteStateAsync(StateName, Grain, state);
        var stale = New();
        stale.ETag = "stale";

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, Grain, stale));
        var read = New();
        await Storage.ReadStateAsync(StateName, Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal("stale", stale.ETag);
    }

    [Fact]
    public async Task Write_AfterAClear_NeverGetsBackAnETagOfTheClearedRecord()
    {
        var first = New("EURUSD");
        await Storage.WriteStateAsync(StateName, Grain, first);
        var cleared = first.ETag;
        await Storage.ClearStateAsync(StateName, Grain, first);

        var again = New("EURUSD");
        await Storage.WriteStateAsync(StateName, Grain, again);
        var stale = New("USDJPY");
        stale.ETag = cleared;

        Assert.NotEqual(cleared, again.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, Grain, stale));
    }

    [Fact]
    public async Task Write_SameGrainUnderAnotherStateName_IsAnotherRecord()
    {
        await Storage.WriteStateAsync(StateName, Grain, New("EURUSD"));

        var other = New();
        await Storage.ReadStateAsync("other", Grain, other);

        Assert.False(other.RecordExists);
    }

    protected static GrainState<OrderRoute> New(string? symbol = null) => new(new OrderRoute { Symbol = symbol });

    protected static OrderRoute Of(GrainState<OrderRoute> state) => state.State ?? throw new InvalidOperationException("the storage left no state");
}
