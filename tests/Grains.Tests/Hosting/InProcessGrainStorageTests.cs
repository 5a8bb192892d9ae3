using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Trading;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace AriaPro.Grains.Tests.Hosting;

[Trait("Category", "Unit")]
public sealed class InProcessGrainStorageTests : IDisposable
{
    private const string StateName = "order";
    private static readonly GrainId Grain = GrainId.Create("order", "storage-1");
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private readonly InProcessGrainStorage _storage;

    public InProcessGrainStorageTests() =>
        _storage = new(new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>()));

    public void Dispose() => _services.Dispose();

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
    public async Task Write_ThenChangedInMemory_ReadReturnsWhatWasWritten()
    {
        var written = New();
        Of(written).Symbol = "EURUSD";
        await _storage.WriteStateAsync(StateName, Grain, written);
        Of(written).Symbol = "GBPUSD";
        Of(written).Archived = new OrderView("storage-1", "GBPUSD", OrderSide.Buy, OrderType.Market, 1m, null, 1m, 1.1m, OrderStatus.Filled, null, "api", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, false);

        var read = New();
        await _storage.ReadStateAsync(StateName, Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("EURUSD", Of(read).Symbol);
        Assert.Null(Of(read).Archived);
        Assert.NotSame(Of(written), Of(read));
    }

    [Fact]
    public async Task Write_WithAStaleETag_IsRefusedAndTheStoredStateStays()
    {
        var first = New();
        Of(first).Symbol = "EURUSD";
        await _storage.WriteStateAsync(StateName, Grain, first);
        var stale = New();
        Of(stale).Symbol = "USDJPY";
        stale.ETag = "stale";

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, Grain, stale));
        var read = New();
        await _storage.ReadStateAsync(StateName, Grain, read);

        Assert.Contains("changed since it was read", conflict.Message);
        Assert.Equal("EURUSD", Of(read).Symbol);
        Assert.Equal("stale", stale.ETag);
    }

    [Fact]
    public async Task Write_SecondWriterWithoutAnETag_IsRefused()
    {
        await _storage.WriteStateAsync(StateName, Grain, New());

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, Grain, New()));
    }

    [Fact]
    public async Task Write_EachWrite_GetsANewETag()
    {
        var state = New();

        await _storage.WriteStateAsync(StateName, Grain, state);
        var first = state.ETag;
        await _storage.WriteStateAsync(StateName, Grain, state);

        Assert.NotNull(first);
        Assert.NotEqual(first, state.ETag);
    }

    [Fact]
    public async Task Clear_WithTheCurrentETag_RemovesTheRecord()
    {
        var state = New();
        Of(state).Symbol = "EURUSD";
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
        await _storage.WriteStateAsync(StateName, Grain, New());
        var stale = New();
        stale.ETag = "stale";

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync(StateName, Grain, stale));
        var read = New();
        await _storage.ReadStateAsync(StateName, Grain, read);

        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task Write_SameGrainUnderAnotherStateName_IsAnotherRecord()
    {
        var order = New();
        Of(order).Symbol = "EURUSD";
        await _storage.WriteStateAsync(StateName, Grain, order);

        var other = New();
        await _storage.ReadStateAsync("other", Grain, other);

        Assert.False(other.RecordExists);
    }

    private static GrainState<OrderRoute> New() => new(new OrderRoute());

    private static OrderRoute Of(GrainState<OrderRoute> state) => state.State ?? throw new InvalidOperationException("the storage left no state");
}
