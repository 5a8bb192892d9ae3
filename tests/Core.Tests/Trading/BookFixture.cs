using AriaPro.Core.Trading;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Trading;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AriaPro.Core.Tests.Trading;

/// <summary>An EURUSD book (limit 2 lots, breaker at 3 failures, 60 s cooldown) on a fake clock.</summary>
internal sealed class BookFixture
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    public static readonly Quote Quote = new("EURUSD", 1.1000m, 1.1002m, DateTimeOffset.UnixEpoch);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    public OrderBookState State { get; } = new();

    public OrderBook Book { get; }

    public BookFixture(int retained = 20)
    {
        var options = new TraderOptions
        {
            CircuitBreakerFailures = 3,
            CircuitBreakerCooldown = TimeSpan.FromSeconds(60),
            RetainedFinishedOrders = retained,
        };
        Book = new("EURUSD", State, options, NullLogger.Instance);
    }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public static OrderRequest Buy(string id, decimal lots = 1m) => new(id, "EURUSD", OrderSide.Buy, lots, OrderType.Market);

    public static OrderRequest Sell(string id, decimal lots = 1m) => new(id, "EURUSD", OrderSide.Sell, lots, OrderType.Market);

    /// <summary>Both halves of a submit, with the risk budget allowing whatever it is asked.</summary>
    public (OrderRecord Order, OrderBookEvents Events) Submit(OrderRequest request)
    {
        var (denial, _) = Book.Check(request, Quote);
        return Book.Submit(request, denial, Timeout, Now);
    }

    public OrderBookEvents Report(string id, ExecutionKind kind, decimal quantity = 0m, decimal price = 0m, string? executionId = null, string? reason = null) =>
        Book.Apply([new ExecutionReport(id, kind, quantity, price, reason, Now, executionId)], Now);

    /// <summary>A position of <paramref name="lots"/> long at 1.1, opened by order <paramref name="id"/>.</summary>
    public void Long(string id, decimal lots)
    {
        Submit(Buy(id, lots));
        Fill(id, lots, 1.1m, $"exec-{id}");
    }

    public OrderBookEvents Fill(string id, decimal quantity, decimal price, string executionId) =>
        Book.Apply(
            [new ExecutionReport(id, ExecutionKind.Accepted, 0m, 0m, null, Now), new ExecutionReport(id, ExecutionKind.Fill, quantity, price, null, Now, executionId)],
            Now);
}
