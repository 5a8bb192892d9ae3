using AriaPro.Grains.Hosting;
using Orleans.Storage;

namespace AriaPro.Grains.Tests.Hosting;

/// <summary>The durable store: the contract, and what it keeps across a reopen of its file.</summary>
[Trait("Category", "Unit")]
public sealed class SqliteGrainStorageTests : GrainStorageContract, IAsyncLifetime
{
    private readonly SqliteFolder _folder = new();
    private SqliteGrainStorage _storage = null!;

    protected override IGrainStorage Storage => _storage;

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
    public async Task Write_AfterDispose_ThrowsObjectDisposed()
    {
        await _storage.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => _storage.WriteStateAsync(StateName, Grain, New("EURUSD")));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => _storage.ReadStateAsync(StateName, Grain, New()));
    }
}
