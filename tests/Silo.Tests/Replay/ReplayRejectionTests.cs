using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Replay;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Replay;

[Trait("Category", "Integration")]
public sealed class ReplayRejectionTests
{
    // AUTO_TRADE_CB_FAILURES: the trader's breaker opens on the fifth failure in a row; a day later,
    // past the hour's cool-down, each new order is the half-open probe.
    private const int BreakerFailures = 5;

    [SkippableFact]
    public async Task RunAsync_BrokerRejectsEveryOrder_NothingFillsAndTheTradersBreakerLetsOnlyProbesThrough()
    {
        var csv = SharedData.Find(EurusdReplayFixture.FileName);
        Skip.If(csv is null, $"{EurusdReplayFixture.FileName} is not in ../shared/data next to the checkout");
        var options = new ReplayOptions
        {
            CsvPath = csv!,
            From = new(2017, 1, 1),
            To = new(2017, 3, 31),
            PaperRejectRate = 1.0,
            OutputDirectory = Path.Combine(Path.GetTempPath(), $"aria-replay-{Guid.NewGuid():N}"),
        };

        var result = await ReplayRunner.RunAsync(options);

        Assert.True(result.Orders.Count > BreakerFailures, $"{result.Orders.Count} orders");
        Assert.All(result.Orders, o => Assert.Equal(OrderStatus.Rejected, o.Status));
        Assert.All(result.Orders.Take(BreakerFailures), o => Assert.False(o.IsProbe));
        Assert.All(result.Orders.Skip(BreakerFailures), o => Assert.True(o.IsProbe, $"{o.ClientOrderId} is not a half-open probe"));
        Assert.All(result.Samples, s => Assert.Equal(0m, s.Position));
        Assert.All(result.Samples, s => Assert.Equal(result.Risk.Capital, s.Equity));
        Assert.False(Directory.Exists(options.OutputDirectory));
    }
}
