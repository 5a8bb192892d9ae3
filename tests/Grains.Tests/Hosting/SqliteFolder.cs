using AriaPro.Grains.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Storage;

namespace AriaPro.Grains.Tests.Hosting;

/// <summary>A temporary folder for one test's SQLite file, deleted with it.</summary>
public sealed class SqliteFolder : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    public SqliteFolder() => Serializer = new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>());

    /// <summary>The folder.</summary>
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("aria-sqlite-").FullName;

    /// <summary>The silo's storage serializer, as the embedded mode configures it.</summary>
    public IGrainStorageSerializer Serializer { get; }

    /// <summary>Options for the database file in the folder.</summary>
    public SqliteStorageOptions Options => new(PathOf(SqliteStorageOptions.DefaultFileName));

    /// <summary>Full path of a file in the folder.</summary>
    public string PathOf(string fileName) => Path.Combine(Directory, fileName);

    /// <summary>A storage on <paramref name="options"/>, by default the folder's file.</summary>
    public SqliteGrainStorage Storage(SqliteStorageOptions? options = null) =>
        new(Serializer, options ?? Options, NullLogger<SqliteGrainStorage>.Instance);

    /// <summary>Holds SQLite's write lock from a connection of its own, as another writer would, until disposed.</summary>
    public SqliteConnection HoldWriteLock()
    {
        var connection = new SqliteConnection($"Data Source={Options.DatabasePath};Pooling=False");
        connection.Open();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();
        return connection;
    }

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
