using System.Collections.Concurrent;
using AriaPro.Grains.Interfaces.Trading;
using Orleans.Storage;

namespace AriaPro.Grains.Brokers;

/// <summary>The venue's book on disk: one <see cref="PaperOrderRecord"/> an order, in the orders' store.</summary>
public sealed partial class PaperBroker
{
    // The venue's book on disk, and the stored record (with its ETag) of each order it holds.
    private const string RecordName = "paper-order";
    private readonly IGrainStorage _book;
    private readonly ConcurrentDictionary<(string Symbol, string Id), GrainState<PaperOrderRecord>> _records = new();

    private async Task RecordAsync((string Symbol, string Id) key, PaperOrderRecord record)
    {
        var state = _records.GetOrAdd(key, static _ => new GrainState<PaperOrderRecord>());
        state.State = record;
        await _book.WriteStateAsync(RecordName, RecordId(key), state);
    }

    // The end goes on record before it goes out. If the record cannot be written the reports still
    // go: the trader's book is the one of record, and a venue that forgot an end takes the order up
    // again on reconciliation, as it did before it kept a book.
    private async Task RecordFinalAsync((string Symbol, string Id) key, ExecutionReport[] reports)
    {
        if (!_live.TryGetValue(key, out var order))
        {
            return;
        }

        try
        {
            await RecordAsync(key, new PaperOrderRecord(order, reports));
        }
        catch (Exception exception)
        {
            LogRecordFailed(exception, key.Symbol, key.Id);
        }
    }

    private async Task<PaperOrderRecord?> ReadAsync((string Symbol, string Id) key)
    {
        var state = new GrainState<PaperOrderRecord>();
        await _book.ReadStateAsync(RecordName, RecordId(key), state);
        if (!state.RecordExists || state.State is null)
        {
            return null;
        }

        _records[key] = state;
        return state.State;
    }

    // Symbols are six letters, so the colon cannot be part of one.
    private static GrainId RecordId((string Symbol, string Id) key) => GrainId.Create(RecordName, $"{key.Symbol}:{key.Id}");
}
