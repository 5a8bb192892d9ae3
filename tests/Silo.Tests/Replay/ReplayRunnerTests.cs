using System.Globalization;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Replay;

namespace AriaPro.Silo.Tests.Replay;

[Trait("Category", "Integration")]
public sealed class ReplayRunnerTests(EurusdReplayFixture fixture) : IClassFixture<EurusdReplayFixture>
{
    private const int RiskLookbackDays = 252;

    private static readonly string[] ExpectedFiles =
        ["drawdown.png", "equity.png", "model-accuracy.png", "orders.csv", "positions.png", "report.html", "risk.json"];

    [SkippableFact]
    public void RunAsync_AYearOfEurusd_ReplaysEveryBarOfTheRangeAndTrades()
    {
        SkipWithoutData();

        var result = fixture.First;

        Assert.Equal("EURUSD", result.Symbol);
        Assert.Equal(EurusdReplayFixture.FileName, result.Source);
        Assert.InRange(DateOnly.FromDateTime(result.From.UtcDateTime), EurusdReplayFixture.From, EurusdReplayFixture.From.AddDays(7));
        Assert.InRange(DateOnly.FromDateTime(result.To.UtcDateTime), EurusdReplayFixture.To.AddDays(-7), EurusdReplayFixture.To);
        Assert.True(result.WarmupBars > 2_000, $"warm-up bars: {result.WarmupBars}");
        Assert.InRange(result.Samples.Count, 250, 265);
        Assert.Contains(result.Orders, o => o.Status == OrderStatus.Filled);
        Assert.Contains(result.Samples, s => s.Position != 0m);
        Assert.All(result.Orders, o => Assert.True(o.Status.IsTerminal(), $"{o.ClientOrderId} is {o.Status}"));
        Assert.Equal(Math.Min(result.Samples.Count - 1, RiskLookbackDays), result.Risk.Returns);
        Assert.Equal(result.Samples[^1].Equity, result.Risk.Equity);
        Assert.Equal("historical simulation", result.Risk.Book.Method); // the file's warm-up days seed the window
        Assert.Null(result.Risk.Book.Fallback);
        Assert.Equal(RiskLookbackDays, result.Risk.Book.LookbackDays);
        Assert.NotEmpty(result.Models);
        Assert.Contains(result.Models, m => m.Scored > 0);
        Assert.Equal(new ReplayProgress(result.Samples.Count, result.Samples.Count), fixture.Progress[^1]);
    }

    [SkippableFact]
    public void WriteAsync_AYearOfEurusd_WritesEveryFileAndEmbedsTheCharts()
    {
        SkipWithoutData();

        var names = fixture.FirstFiles.Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var html = File.ReadAllText(Path.Combine(fixture.FirstDirectory, "report.html"));

        Assert.Equal(ExpectedFiles, names);
        Assert.All(fixture.FirstFiles, f => Assert.True(new FileInfo(f).Length > 0, f));
        Assert.Equal(4, CountOf(html, "src=\"data:image/png;base64,"));
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("Risk (GET /trading/risk/metrics after the last bar)", html, StringComparison.Ordinal);
        Assert.Contains("metrics.sharpe", html, StringComparison.Ordinal);
        Assert.Contains("metrics.maxDrawdown", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>book.method</th><td>historical simulation</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("intradayBasis", html, StringComparison.Ordinal);
        foreach (var model in fixture.First.Models)
        {
            Assert.Contains($"<td>{model.ModelId}</td>", html, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void WriteAsync_AYearOfEurusd_OrdersCsvHasOneRowPerOrder()
    {
        SkipWithoutData();

        var lines = File.ReadAllLines(Path.Combine(fixture.FirstDirectory, "orders.csv"));
        var orders = fixture.First.Orders;

        Assert.Equal("client_order_id,created_at,updated_at,side,type,quantity,status,filled_quantity,fill_price,reason", lines[0]);
        Assert.Equal(orders.Count + 1, lines.Length);
        for (var i = 0; i < orders.Count; i++)
        {
            var cells = lines[i + 1].Split(',');
            Assert.Equal(orders[i].ClientOrderId, cells[0]);
            Assert.Equal(orders[i].CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), cells[1]);
            Assert.Equal(orders[i].Side.ToString(), cells[3]);
            Assert.Equal(orders[i].Quantity, decimal.Parse(cells[5], CultureInfo.InvariantCulture));
            Assert.Equal(orders[i].Status.ToString(), cells[6]);
            Assert.Equal(orders[i].AveragePrice?.ToString(CultureInfo.InvariantCulture) ?? "", cells[8]);
        }
    }

    [SkippableFact]
    public void RunAsync_SameInputAndSeedTwice_EveryFileIsByteIdentical()
    {
        SkipWithoutData();

        var first = Directory.GetFiles(fixture.FirstDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var second = Directory.GetFiles(fixture.SecondDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(ExpectedFiles, first);
        Assert.Equal(first, second);
        foreach (var name in first)
        {
            var a = File.ReadAllBytes(Path.Combine(fixture.FirstDirectory, name!));
            var b = File.ReadAllBytes(Path.Combine(fixture.SecondDirectory, name!));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{name} differs between two runs with the same seed");
        }

        Assert.Equal(fixture.First.Samples, fixture.Second.Samples);
        Assert.Equal(fixture.First.Orders, fixture.Second.Orders);
    }

    private void SkipWithoutData() =>
        Skip.If(fixture.CsvPath is null, $"{EurusdReplayFixture.FileName} is not in ../shared/data next to the checkout");

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
