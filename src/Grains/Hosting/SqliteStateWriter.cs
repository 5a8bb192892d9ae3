using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AriaPro.Grains.Hosting;

/// <summary>
/// The one connection that writes grain state, its statements prepared once. Used by
/// <see cref="SqliteGrainStorage"/>'s writer loop alone; after a storage fault it is thrown away
/// and the next batch opens a new one.
/// </summary>
internal sealed class SqliteStateWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _select;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _delete;

    /// <summary>Opens the connection (WAL, <c>synchronous=FULL</c>, the schema in place).</summary>
    public SqliteStateWriter(string connectionString, SqliteStorageOptions options)
    {
        _connection = SqliteDatabase.OpenForWrites(connectionString, options);
        _select = Command("SELECT etag FROM grain_state WHERE state_name = $state AND grain_id = $grain", "$state", "$grain");
        _upsert = Command(
            "INSERT INTO grain_state (state_name, grain_id, etag, data) VALUES ($state, $grain, $etag, $data) "
            + "ON CONFLICT (state_name, grain_id) DO UPDATE SET etag = excluded.etag, data = excluded.data",
            "$state", "$grain", "$etag", "$data");
        _delete = Command("DELETE FROM grain_state WHERE state_name = $state AND grain_id = $grain", "$state", "$grain");
    }

    /// <summary>
    /// Applies <paramref name="batch"/> in one transaction and commits it once. Each ETag is checked
    /// inside the transaction, after the writes before it in the batch: a write whose ETag does not
    /// match is marked <see cref="PendingStateWrite.RefusedOver"/> and changes nothing; the others
    /// commit. Throws on a storage fault, with nothing committed; this writer must then be disposed.
    /// </summary>
    /// <returns>How many writes and clears were applied.</returns>
    public int Commit(IReadOnlyList<PendingStateWrite> batch)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        _select.Transaction = _upsert.Transaction = _delete.Transaction = transaction;
        var stores = batch.Count(w => w.Data is not null);
        var etag = stores == 0 ? 0 : SqliteDatabase.Advance(transaction, SqliteDatabase.GrainStateSequence, stores) - stores;
        var applied = 0;
        foreach (var write in batch)
        {
            write.RefusedOver = null;
            write.NewETag = null;
            applied += Apply(write, ref etag) ? 1 : 0;
        }

        transaction.Commit();
        return applied;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _select.Dispose();
        _upsert.Dispose();
        _delete.Dispose();
        _connection.Dispose();
    }

    private bool Apply(PendingStateWrite write, ref long etag)
    {
        _select.Parameters["$state"].Value = write.StateName;
        _select.Parameters["$grain"].Value = write.GrainId;
        var current = _select.ExecuteScalar() is long stored ? stored.ToString(CultureInfo.InvariantCulture) : null;
        var clear = write.Data is null;
        if (current != write.ExpectedETag && !(clear && current is null))
        {
            write.RefusedOver = current ?? "none";
            return false;
        }

        if (clear)
        {
            _delete.Parameters["$state"].Value = write.StateName;
            _delete.Parameters["$grain"].Value = write.GrainId;
            _delete.ExecuteNonQuery();
            return true;
        }

        // A refused write leaves its ETag unused: the sequence only has to grow, not stay dense.
        etag++;
        _upsert.Parameters["$state"].Value = write.StateName;
        _upsert.Parameters["$grain"].Value = write.GrainId;
        _upsert.Parameters["$etag"].Value = etag;
        _upsert.Parameters["$data"].Value = write.Data;
        _upsert.ExecuteNonQuery();
        write.NewETag = etag.ToString(CultureInfo.InvariantCulture);
        return true;
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
