using System.Collections.Concurrent;
using System.Reflection;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Tests.Brokers;

/// <summary>
/// The grains a paper broker talks to, in process: traders that record the reports they are
/// given (refusing the first <see cref="RefuseReports"/> as a dead silo would), and a market-data
/// grain with a fixed quote. Lets the broker's delivery and reconciliation rules be tested alone.
/// </summary>
/// <remarks>Not sealed: <see cref="DispatchProxy"/> derives proxy types from it.</remarks>
public class VenueDouble : DispatchProxy
{
    private VenueDouble? _venue;

    public ConcurrentQueue<ExecutionReport> Reports { get; } = new();

    /// <summary>The reports as delivered: one entry per call a trader took.</summary>
    public ConcurrentQueue<IReadOnlyList<ExecutionReport>> Deliveries { get; } = new();

    public Quote Quote { get; set; } = new("EURUSD", 1.1000m, 1.1002m, DateTimeOffset.UnixEpoch);

    public int RefuseReports { get; set; }

    private int _refused;

    public int Refused => Volatile.Read(ref _refused);

    public IGrainFactory Grains { get; private set; } = null!;

    public static VenueDouble Create()
    {
        var factory = Create<IGrainFactory, VenueDouble>();
        var venue = (VenueDouble)(object)factory;
        venue.Grains = factory;
        return venue;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var venue = _venue ?? this;
        return targetMethod.Name switch
        {
            nameof(IGrainFactory.GetGrain) when targetMethod.ReturnType == typeof(ITraderGrain) => Proxy<ITraderGrain>(venue),
            nameof(IGrainFactory.GetGrain) when targetMethod.ReturnType == typeof(IMarketDataGrain) => Proxy<IMarketDataGrain>(venue),
            nameof(ITraderGrain.OnExecutionReports) => venue.Deliver((IReadOnlyList<ExecutionReport>)args![0]!),
            nameof(IMarketDataGrain.GetQuote) => Task.FromResult(venue.Quote),
            _ => throw new InvalidOperationException($"the paper broker is not expected to call {targetMethod.Name}"),
        };
    }

    private static T Proxy<T>(VenueDouble venue)
        where T : class
    {
        var proxy = Create<T, VenueDouble>();
        ((VenueDouble)(object)proxy)._venue = venue;
        return proxy;
    }

    private Task Deliver(IReadOnlyList<ExecutionReport> reports)
    {
        if (Interlocked.Increment(ref _refused) <= RefuseReports)
        {
            return Task.FromException(new SiloUnavailableException("the trader's silo is gone"));
        }

        Interlocked.Decrement(ref _refused);
        Deliveries.Enqueue(reports);
        foreach (var report in reports)
        {
            Reports.Enqueue(report);
        }

        return Task.CompletedTask;
    }
}
