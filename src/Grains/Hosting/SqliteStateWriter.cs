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
    private readonly SqliteCommand _sweep;

    /// <summary>Opens the connection (WAL, <c>synchronous=FULL</c>, the schema in place).</summary>
    public SqliteStateWriter(string connectionString, SqliteStorageOptions options)
    {
        _connection = SqliteDatabase.OpenForWrites(connectionString, options);
        _select = Command("SELECT etag FROM grain_state WHERE state_name = $state AND grain_id = $grain AND (expires_at IS NULL OR expires_at > $now)", "$state", "$grain", "$now");
        _upsert = Command(
            "INSERT INTO grain_state (state_name, grain_id, etag, data, expires_at) VALUES ($state, $grain, $etag, $data, $expires) "
            + "ON CONFLICT (state_name, grain_id) DO UPDATE SET etag = excluded.etag, data = excluded.data, expires_at = excluded.expires_at",
            "$state", "$grain", "$etag", "$data", "$expires");
        _delete = Command("DELETE FROM grain_state WHERE state_name = $state AND grain_id = $grain", "$state", "$grain");
        _sweep = Command("DELETE FROM grain_state WHERE expires_at IS NOT NULL AND expires_at <= $now", "$now");
    }

    /// <summary>
    /// Applies <paramref name="batch"/> in one transaction and commits it once. Each ETag is checked
    /// inside the transaction, after the writes before it in the batch: a write whose ETag does not
    /// match is marked <see cref="PendingStateWrite.RefusedOver"/> and changes nothing; the others
    /// commit. Throws on a storage fault, with nothing committed; this writer must then be disposed.
    /// </summary>
    /// <param name="batch">The writes.</param>
    /// <param name="sweepUntil">When set, records that expired by then (UTC ticks) are deleted in the same transaction.</param>
    /// <returns>How many writes and clears were applied, and how many expired records were swept.</returns>
    public (int Applied, int Swept) Commit(IReadOnlyList<PendingStateWrite> batch, long? sweepUntil = null)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        _select.Transaction = _upsert.Transaction = _delete.Transaction = _sweep.Transaction = transaction;
        var swept = 0;
        if (sweepUntil is { } until)
        {
            _sweep.Parameters["$now"].Value = until;
            swept = _sweep.ExecuteNonQuery();
        }

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
        return (applied, swept);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _select.Dispose();
        _upsert.Dispose();
        _delete.Dispose();
        _sweep.Dispose();
        _connection.Dispose();
    }

    private bool Apply(PendingStateWrite write, ref long etag)
    {
        _select.Parameters["$state"].Value = write.StateName;
        _select.Parameters["$grain"].Value = write.GrainId;
        _select.Parameters["$now"].Value = write.Now;
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
        _upsert.Parameters["$expires"].Value = write.ExpiresAt is { } expires ? expires : DBNull.Value;
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
