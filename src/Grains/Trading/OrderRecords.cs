using System.Collections.Concurrent;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Trading;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AriaPro.Grains.Trading;

/// <summary>
/// The record of each client order id (<see cref="OrderRoute"/>, one per id in the orders' store),
/// read and written here without activating an order grain: a new id is claimed by creating its
/// record, which every store refuses when the record already exists (the same id for any symbol),
/// and a finished order is archived into it by its trader. The order grains read the same records
/// for everything else. One per silo.
/// </summary>
public sealed class OrderRecords([FromKeyedServices(AriaStorage.Orders)] IGrainStorage store)
{
    /// <summary>The state name of the records, as <see cref="OrderGrain"/> stored them when it held them itself.</summary>
    public const string StateName = "order";

    /// <summary>The order grain's type: a record is stored under the id of the grain that answers for it.</summary>
    public const string GrainType = "order";

    // The ETag of the records this silo has just claimed, so the archive of the order (usually by a
    // trader on this silo, milliseconds later) need not read the record first. Bounded, because an
    // order archived on another silo, or never delivered, leaves its entry here: a miss only costs
    // a read.
    private const int KnownETagsLimit = 10_000;
    private readonly ConcurrentDictionary<string, string> _etags = new(StringComparer.Ordinal);

    /// <summary>
    /// Claims <paramref name="clientOrderId"/> for <paramref name="symbol"/>: true once the record is
    /// written (durable before this returns), false when the id already has one (claimed before, for
    /// this symbol or another). A storage fault throws, and nothing is claimed.
    /// </summary>
    public async Task<bool> TryClaim(string clientOrderId, string symbol)
    {
        var record = new GrainState<OrderRoute>(new OrderRoute { Symbol = symbol });
        try
        {
            await store.WriteStateAsync(StateName, RecordId(clientOrderId), record);
        }
        catch (InconsistentStateException)
        {
            return false;
        }

        if (_etags.Count < KnownETagsLimit && record.ETag is { } etag)
        {
            _etags[clientOrderId] = etag;
        }

        return true;
    }

    /// <summary>The record of <paramref name="clientOrderId"/> as stored now; <see cref="OrderRoute.Symbol"/> is null when the id is unused.</summary>
    public async Task<OrderRoute> Read(string clientOrderId) => (await ReadRecord(clientOrderId)).State!;

    /// <summary>
    /// Keeps <paramref name="order"/> (finished) in its id's record, where it stays after the trader
    /// has let the order go. Archives may come twice or out of order: the newest version wins.
    /// Returns once it is durable; a storage fault throws, and the trader sends it again later.
    /// </summary>
    public async Task Archive(OrderView order)
    {
        ArgumentNullException.ThrowIfNull(order);
        for (var attempt = 0; ; attempt++)
        {
            var record = _etags.TryRemove(order.ClientOrderId, out var etag) && attempt == 0
                ? new GrainState<OrderRoute>(new OrderRoute { Symbol = order.Symbol }, etag)
                : await ReadRecord(order.ClientOrderId);
            var route = record.State!;
            if (route.Archived is { } stored && stored.UpdatedAt >= order.UpdatedAt)
            {
                return;
            }

            route.Archived = order;
            route.Delivered = true;
            try
            {
                await store.WriteStateAsync(StateName, RecordId(order.ClientOrderId), record);
                return;
            }
            catch (InconsistentStateException) when (attempt < 2)
            {
                // Written meanwhile (another archive of the same order, or the ETag known here was
                // old): read it again and decide on what is stored.
            }
        }
    }

    private async Task<GrainState<OrderRoute>> ReadRecord(string clientOrderId)
    {
        var record = new GrainState<OrderRoute>(new OrderRoute());
        await store.ReadStateAsync(StateName, RecordId(clientOrderId), record);
        record.State ??= new OrderRoute();
        return record;
    }

    /// <summary>The id the order grain of <paramref name="clientOrderId"/> has, under which its record is stored.</summary>
    private static GrainId RecordId(string clientOrderId) => GrainId.Create(GrainType, clientOrderId);
}
