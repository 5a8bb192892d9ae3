using AriaPro.Grains.Interfaces.MarketData;

namespace AriaPro.Grains.Tests.MarketData;

/// <summary>Moves a symbol's deterministic synthetic feed on until its volatility ratio is what a test needs.</summary>
public static class MarketDataAdvance
{
    private const int Step = 20;
    private const int MaxBars = 200_000;

    /// <summary>Pulls bars until the short- over long-window volatility ratio satisfies <paramref name="wanted"/>; returns that ratio.</summary>
    public static async Task<double> UntilRatio(IMarketDataGrain market, Func<double, bool> wanted)
    {
        for (var pulled = 0; pulled < MaxBars; pulled += Step)
        {
            var ratio = (await market.GetVolatility()).Ratio;
            if (wanted(ratio))
            {
                return ratio;
            }

            Assert.Equal(Step, await market.Advance(Step));
        }

        throw new Xunit.Sdk.XunitException($"the feed's volatility ratio never came where the test needs it within {MaxBars} bars");
    }
}
