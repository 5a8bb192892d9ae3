using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AriaPro.Grains.Hosting;

/// <summary>
/// The embedded mode's reminders, in the same SQLite file as <see cref="SqliteGrainStorage"/>'s grain
/// state (WAL, <c>synchronous=FULL</c>), so they survive a restart. Reminders change rarely: each
/// change is its own transaction on a pooled connection, with no batching. ETags come from a
/// sequence that only grows, so a reminder removed and added again never gets back an old ETag.
/// </summary>
public sealed class SqliteReminderTable(SqliteStorageOptions options) : IReminderTable, IDisposable
{
    private const string Columns = "grain_id, reminder_name, start_at, period, etag";

    private readonly string _connectionString = SqliteDatabase.ConnectionString(options, pooled: true);

    /// <summary>Creates the file and its tables if they are missing (the reminder service calls this before any other member).</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => Run(() =>
    {
        using var connection = Open();
        return true;
    });

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Run(() => Select("WHERE grain_id = $grain", ("$grain", grainId.ToString())));

    /// <summary>The reminders whose grain hashes into the ring range (<paramref name="begin"/>, <paramref name="end"/>]; when <paramref name="begin"/> is not below <paramref name="end"/> the range wraps past zero (equal bounds: the whole ring).</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => Run(() => begin < end
        ? Select("WHERE grain_hash > $begin AND grain_hash <= $end", ("$begin", (long)begin), ("$end", (long)end))
        : Select("WHERE grain_hash > $begin OR grain_hash <= $end", ("$begin", (long)begin), ("$end", (long)end)));

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => Run(() =>
        Select("WHERE grain_id = $grain AND reminder_name = $name", ("$grain", grainId.ToString()), ("$name", reminderName)).Reminders.SingleOrDefault());

    /// <summary>Adds the reminder or replaces the one of the same grain and name; returns its new ETag (the entry itself is not changed).</summary>
    public Task<string?> UpsertRow(ReminderEntry entry) => Run<string?>(() =>
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var etag = SqliteDatabase.Advance(transaction, SqliteDatabase.ReminderSequence, 1);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO reminders (grain_hash, {Columns}) VALUES ($hash, $grain, $name, $start, $period, $etag) "
            + "ON CONFLICT (grain_id, reminder_name) DO UPDATE SET start_at = excluded.start_at, period = excluded.period, etag = excluded.etag";
        command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
        command.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
        command.Parameters.AddWithValue("$name", entry.ReminderName);
        command.Parameters.AddWithValue("$start", Utc(entry.StartAt).Ticks);
        command.Parameters.AddWithValue("$period", entry.Period.Ticks);
        command.Parameters.AddWithValue("$etag", etag);
        command.ExecuteNonQuery();
        transaction.Commit();
        return etag.ToString(CultureInfo.InvariantCulture);
    });

    /// <summary>Removes the reminder if it still has <paramref name="eTag"/>; false if it is gone or was changed since.</summary>
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => Run(() =>
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
        {
            return false;
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM reminders WHERE grain_id = $grain AND reminder_name = $name AND etag = $etag";
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$name", reminderName);
        command.Parameters.AddWithValue("$etag", expected);
        return command.ExecuteNonQuery() == 1;
    });

    /// <inheritdoc />
    public Task TestOnlyClearTable() => Run(() =>
    {
        using var connection = Open();
        SqliteDatabase.Execute(connection, "DELETE FROM reminders");
        return true;
    });

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose()
    {
        using var pooled = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(pooled);
    }

    // Stored as UTC ticks; a time of no kind is taken as UTC, as Orleans' SQL table takes it.
    private static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);

    // SQLite's calls are synchronous (so are Microsoft.Data.Sqlite's async ones): run them here and
    // hand back a task that carries the failure instead of throwing from the call.
    private static Task<T> Run<T>(Func<T> operation)
    {
        try
        {
            return Task.FromResult(operation());
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }

    private SqliteConnection Open() => SqliteDatabase.OpenForWrites(_connectionString, options);

    private ReminderTableData Select(string where, params (string Name, object Value)[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM reminders {where}";
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var entries = new List<ReminderEntry>();
        while (reader.Read())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
            });
        }

        return new ReminderTableData(entries);
    }
}
