using AriaPro.Grains.Hosting;

namespace AriaPro.Silo.Hosting;

/// <summary>
/// The durable embedded mode's data directory, held for this process from the moment the host is
/// built (a second AriaPro on it fails then, naming the holder) until the host's services are
/// disposed, after the grain storage has written what it was given.
/// </summary>
public sealed class DurableStore : IHostedService, IDisposable
{
    private readonly DataDirectoryLock _lock;

    private DurableStore(DataDirectory folder, DataDirectoryLock held)
    {
        Folder = folder;
        _lock = held;
        Store = new SqliteStorageOptions(folder.DatabasePath);
    }

    /// <summary>The folder state lives in.</summary>
    public DataDirectory Folder { get; }

    /// <summary>The SQLite file of grain state and reminders.</summary>
    public SqliteStorageOptions Store { get; }

    /// <summary>Resolves the folder (<c>ARIA_DATA_DIR</c>, else the user's data folder) and takes it.</summary>
    /// <exception cref="IOException">Another live process holds the folder.</exception>
    public static DurableStore Open(string? configured)
    {
        var folder = DataDirectory.Resolve(configured);
        return new DurableStore(folder, folder.Lock());
    }

    // A hosted service only so the host resolves (and so owns and disposes) it before the silo starts.
    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Releases the folder.</summary>
    public void Dispose() => _lock.Dispose();
}
