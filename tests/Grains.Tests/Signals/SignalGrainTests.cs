using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Tests.Cluster;

namespace AriaPro.Grains.Tests.Signals;

[Collection(ClusterCollection.Name), Trait("Category", "Integration")]
public sealed class SignalGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task RunOnce_TargetDiffersFromPosition_PlacesAutoOrderThroughOrderPath()
    {
        const string symbol = "EURJPY";
        var signal = fixture.Grains.GetGrain<ISignalGrain>(symbol);

        var view = await signal.RunOnce();
        var latest = await signal.GetLatest();

        Assert.Equal(view, latest);
        Assert.InRange(view.Score, -1.0, 1.0);
        Assert.Equal(0m, view.PositionBefore);
        if (view.TargetPosition == 0m)
        {
            Assert.Equal("hold", view.Action);
            Assert.Null(view.ClientOrderId);
            return;
        }

        var order = await fixture.Grains.GetGrain<IOrderGrain>(view.ClientOrderId!).Get();
        Assert.NotNull(order);
        Assert.Equal("auto", order.Source);
        Assert.Equal(Math.Abs(view.TargetPosition), order.Quantity);
        Assert.Equal(view.TargetPosition > 0m ? OrderSide.Buy : OrderSide.Sell, order.Side);
    }
}
