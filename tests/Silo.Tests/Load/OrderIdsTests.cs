using AriaPro.Load.Operations;

namespace AriaPro.Silo.Tests.Load;

[Trait("Category", "Unit")]
public sealed class OrderIdsTests
{
    [Fact]
    public void Next_CyclesSymbolsAndAlternatesSidesEachRound()
    {
        var ids = new OrderIds(["EURUSD", "GBPUSD"], "run1");

        var orders = Enumerable.Range(0, 6).Select(_ => ids.Next()).ToList();

        Assert.Equal(["EURUSD", "GBPUSD", "EURUSD", "GBPUSD", "EURUSD", "GBPUSD"], orders.Select(o => o.Symbol));
        Assert.Equal([true, true, false, false, true, true], orders.Select(o => o.Buy));
        Assert.Equal(["load-run1-0", "load-run1-1", "load-run1-2", "load-run1-3", "load-run1-4", "load-run1-5"], orders.Select(o => o.ClientOrderId));
    }
}
