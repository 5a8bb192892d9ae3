using AriaPro.Grains.Hosting;
using AriaPro.Grains.Trading;

namespace AriaPro.Grains.Tests.Hosting;

/// <summary>
/// What a crash leaves: the storage is abandoned, never disposed (a clean close would checkpoint the
/// write-ahead log into the database and delete it), and the database and its log are copied, as
/// they are at that moment, to a folder a new storage opens. That is what a process killed there
/// leaves on disk: SQLite writes each commit into the log before COMMIT returns, and the storage
/// acknowledges a write only after its commit, so every acknowledged write must be found by the
/// log's recovery. With <c>synchronous=FULL</c> the log is also fsynced before COMMIT returns, which
/// extends the same to a power cut; a test cannot cut the power, so that part rests on SQLite.
/// </summary>
[Trait("Category", "Unit")]
public sealed class SqliteCrashDurabilityTests : IDisposable
{
    private const string StateName = "trader";
    private readonly SqliteFolder _folder = new();
    private readonly SqliteFolder _crashed = new();

    public void Dispose()
    {
        _crashed.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Read_FilesCopiedFromAnAbandonedStorage_FindsEveryAcknowledgedWrite()
    {
        var abandoned = _folder.Storage();
        var states = Enumerable.Range(0, 50).Select(i => new GrainState<OrderRoute>(new OrderRoute { Symbol = $"SYM{i}" })).ToList();
        await Task.WhenAll(states.Select((state, i) => abandoned.WriteStateAsync(StateName, Grain(i), state)));
        var log = _folder.Options.DatabasePath + "-wal";

        var logLength = new FileInfo(log).Length;
        File.Copy(_folder.Options.DatabasePath, _crashed.Options.DatabasePath);
        File.Copy(log, _crashed.Options.DatabasePath + "-wal");
        await using var recovered = _crashed.Storage();
        var read = new List<GrainState<OrderRoute>>();
        for (var i = 0; i < states.Count; i++)
        {
            var state = new GrainState<OrderRoute>(new OrderRoute());
            await recovered.ReadStateAsync(StateName, Grain(i), state);
            read.Add(state);
        }

        Assert.True(logLength > 0, "the writes should still be in the write-ahead log, not checkpointed away");
        Assert.All(read, r => Assert.True(r.RecordExists));
        Assert.Equal(states.Select(s => s.State?.Symbol), read.Select(r => r.State?.Symbol));
        Assert.Equal(states.Select(s => s.ETag), read.Select(r => r.ETag));
        await abandoned.DisposeAsync();
    }

    private static GrainId Grain(int i) => GrainId.Create("trader", $"crash-{i}");
}
