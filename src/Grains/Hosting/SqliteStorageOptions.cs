namespace AriaPro.Grains.Hosting;

/// <summary>Where the embedded mode's durable store keeps its SQLite file, and how long a writer waits for a lock.</summary>
/// <param name="DatabasePath">The database file; SQLite keeps its write-ahead log beside it (<c>-wal</c>, <c>-shm</c>).</param>
public sealed record SqliteStorageOptions(string DatabasePath)
{
    /// <summary>The file name the embedded mode gives the database inside its data directory.</summary>
    public const string DefaultFileName = "ariapro.db";

    /// <summary>
    /// How long a write waits for another connection's lock before it fails with SQLITE_BUSY, in whole
    /// seconds (Microsoft.Data.Sqlite counts its command timeout in seconds; a part is rounded up).
    /// </summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The most writes one transaction takes, so that a burst does not make one commit wait for all
    /// of it; 1 commits every write alone (one fsync each, as a provider without group commit does:
    /// the benchmarks' comparison).
    /// </summary>
    /// <value>The default value is 1,024.</value>
    public int MaxBatch { get; init; } = 1024;
}
