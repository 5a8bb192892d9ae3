using AriaPro.Grains.Interfaces;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;

namespace AriaPro.Grains.Tests.Hosting;

[Collection(ClusterCollection.Name), Trait("Category", "Integration")]
public sealed class GrainRefsTests(ClusterFixture fixture)
{
    private IGrainFactory SiloGrains => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>();

    [Theory]
    [InlineData("EURUSD")]
    [InlineData("GBPUSD")]
    public void Of_SameAsOrleansReference(string symbol)
    {
        var cached = (GrainReference)(object)SiloGrains.Of<ITraderGrain>(symbol);
        var orleans = (GrainReference)(object)SiloGrains.GetGrain<ITraderGrain>(symbol);

        Assert.Equal(orleans.GrainId, cached.GrainId);
        Assert.Equal(orleans.InterfaceType, cached.InterfaceType);
    }

    [Fact]
    public void Of_TwoInterfaces_KeepTheirOwnGrainTypes()
    {
        var trader = (GrainReference)(object)SiloGrains.Of<ITraderGrain>("USDJPY");
        var order = (GrainReference)(object)SiloGrains.Of<IOrderGrain>("USDJPY");

        Assert.Equal("trader", trader.GrainId.Type.ToString());
        Assert.Equal("order", order.GrainId.Type.ToString());
    }

    [Fact]
    public async Task Of_ReferenceIsCallable()
    {
        var risk = SiloGrains.Of<IRiskGrain>(IRiskGrain.Portfolio);

        var metrics = await risk.GetMetrics();

        Assert.Equal("USD", metrics.AccountCurrency);
    }
}
