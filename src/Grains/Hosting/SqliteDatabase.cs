using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AriaPro.Grains.Hosting;

/// <summary>
/// The embedded store's SQLite file: one schema for grain state and reminders, and the connections
/// that write to it, each in WAL mode with <c>synchronous=FULL</c>, so a commit has reached the disk
/// (the log is fsynced) before it returns.
/// </summary>
internal static class SqliteDatabase
{
    /// <summary>The sequence grain state ETags are drawn from.</summary>
    public const string GrainStateSequence = "grain_state";

    /// <summary>The sequence reminder ETags are drawn from.</summary>
    public const string ReminderSequence = "reminders";

    private const long SchemaVersion = 1;

    // ETags come from a sequence that only grows, never from a per-row counter or MAX(etag): a record
    // cleared and written again must not get back an ETag a stale activation still holds.
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS sequences (
            name TEXT NOT NULL PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO sequences (name, value) VALUES ('grain_state', 0), ('reminders', 0);
        CREATE TABLE IF NOT EXISTS grain_state (
            state_name TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            etag INTEGER NOT NULL,
            data BLOB NOT NULL,
            expires_at INTEGER,
            PRIMARY KEY (state_name, grain_id)
        );
        CREATE INDEX IF NOT EXISTS grain_state_by_expiry ON grain_state (expires_at) WHERE expires_at IS NOT NULL;
        CREATE TABLE IF NOT EXISTS reminders (
            grain_id TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            grain_hash INTEGER NOT NULL,
            start_at INTEGER NOT NULL,
            period INTEGER NOT NULL,
            etag INTEGER NOT NULL,
            PRIMARY KEY (grain_id, reminder_name)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (grain_hash);
        PRAGMA user_version = 1;
        """;

    /// <summary>The connection string for <paramref name="options"/>: pooled for short-lived connections, unpooled for one held open.</summary>
    public static string ConnectionString(SqliteStorageOptions options, bool pooled) => new SqliteConnectionStringBuilder
    {
        DataSource = options.DatabasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = pooled,
        DefaultTimeout = BusySeconds(options),
    }.ToString();

    /// <summary>Opens a connection that writes: WAL mode, <c>synchronous=FULL</c>, the schema in place.</summary>
    public static SqliteConnection OpenForWrites(string connectionString, SqliteStorageOptions options)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();

            // SQLite's own busy handler retries within milliseconds; Microsoft.Data.Sqlite's retry (the
            // Default Timeout) tries about every 150 ms, which would hold a batch waiting for a lock
            // taken for 30 ms about five times as long. It only takes over once this is spent.
            var busyMilliseconds = (BusySeconds(options) * 1000).ToString(CultureInfo.InvariantCulture);
            Execute(connection, $"PRAGMA busy_timeout = {busyMilliseconds};");
            var mode = Scalar(connection, "PRAGMA journal_mode = WAL;") as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"the database {options.DatabasePath} cannot be put in WAL mode (it stays in {mode}): keep it on a local file system");
            }

            Execute(connection, "PRAGMA synchronous = FULL;");
            EnsureSchema(connection, options.DatabasePath);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Takes the next <paramref name="count"/> values of <paramref name="sequence"/> inside <paramref name="transaction"/>; returns the last.</summary>
    public static long Advance(SqliteTransaction transaction, string sequence, long count)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE sequences SET value = value + $count WHERE name = $name RETURNING value";
        command.Parameters.AddWithValue("$count", count);
        command.Parameters.AddWithValue("$name", sequence);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Runs <paramref name="sql"/> on <paramref name="connection"/>.</summary>
    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void EnsureSchema(SqliteConnection connection, string path)
    {
        if (Version(connection, path) == SchemaVersion)
        {
            return;
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        if (Version(connection, path, transaction) != SchemaVersion)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Schema;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static long Version(SqliteConnection connection, string path, SqliteTransaction? transaction = null)
    {
        var version = (long)Scalar(connection, "PRAGMA user_version;", transaction)!;
        return version <= SchemaVersion
            ? version
            : throw new InvalidOperationException($"the database {path} has schema version {version}, newer than this AriaPro's {SchemaVersion}: run the AriaPro that wrote it");
    }

    private static int BusySeconds(SqliteStorageOptions options) => Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds));
}
