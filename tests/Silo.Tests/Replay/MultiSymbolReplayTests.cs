using System.Text.Json;
using AriaPro.Replay;
using AriaPro.Silo.Tests.Cli;

namespace AriaPro.Silo.Tests.Replay;

/// <summary>
/// Several pairs in one replay: each file's bars go to its own market data grain, the steps are
/// the files' times merged, and the one portfolio (risk, budget, Kelly) sees every pair.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MultiSymbolReplayTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"aria-multi-replay-{Guid.NewGuid():N}");

    public MultiSymbolReplayTests() => Directory.CreateDirectory(_root);

    [Fact]
    public async Task TwoPairs_TradeInOnePortfolio_AndTheSameInputGivesByteIdenticalFiles()
    {
        var bars = Path.Combine(_root, "bars");
        var eurusd = Generate(bars, "EURUSD");
        var gbpusd = Generate(bars, "GBPUSD");
        using var cli = CliRun.Replay();
        string[] Args(string output) => ["--csv", eurusd, "--csv", gbpusd, "--from", "2024-02-19", "--seed", "5", "--out", output, "--json"];

        var first = await cli.RunAsync(Args(Path.Combine(_root, "first")));
        var second = await cli.RunAsync(Args(Path.Combine(_root, "second")));

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        var summary = JsonDocument.Parse(first.Out).RootElement;
        Assert.Equal("EURUSD,GBPUSD", summary.GetProperty("symbol").GetString());
        Assert.Equal(2 * 9 * 24, summary.GetProperty("bars").GetInt32()); // 2024-02-19 to 02-29: nine weekdays of hour bars, two pairs
        var files = Directory.GetFiles(Path.Combine(_root, "first")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["drawdown.png", "equity.png", "model-accuracy.png", "orders.csv", "positions.png", "report.html", "risk.json"], files);
        foreach (var file in files)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(_root, "first", file!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_root, "second", file!))),
                $"{file} differs between two replays of the same input and seed");
        }

        // Both pairs traded, through one risk grain that holds both positions.
        var orders = File.ReadAllLines(Path.Combine(_root, "first", "orders.csv")).Skip(1).ToList();
        Assert.Contains(orders, o => o.StartsWith("auto-EURUSD-", StringComparison.Ordinal));
        Assert.Contains(orders, o => o.StartsWith("auto-GBPUSD-", StringComparison.Ordinal));
        var risk = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "first", "risk.json"))).RootElement;
        Assert.Equal(["EURUSD", "GBPUSD"], risk.GetProperty("exposures").EnumerateArray().Select(e => e.GetProperty("symbol").GetString()).Order(StringComparer.Ordinal));
        var html = File.ReadAllText(Path.Combine(_root, "first", "report.html"));
        Assert.Contains("<th>symbols</th><td>EURUSD, GBPUSD</td>", html);
        Assert.Contains("<th>bars files</th><td>eurusd-1h-seed3.csv, gbpusd-1h-seed3.csv</td>", html);
    }

    [Fact]
    public async Task PairsWithDifferentDays_AreAlignedOnTime_APairWithoutABarKeepsItsLastClose()
    {
        var eurusd = Daily("eurusd.csv", ["2016-01-04", "2016-01-05", "2016-01-06", "2016-01-07", "2016-01-08"]);
        var gbpusd = Daily("gbpusd.csv", ["2016-01-04", "2016-01-06", "2016-01-07", "2016-01-08", "2016-01-11"]);

        var result = await ReplayRunner.RunAsync(new ReplayOptions { CsvPaths = [eurusd, gbpusd], OutputDirectory = Path.Combine(_root, "aligned") });

        Assert.Equal(["EURUSD", "GBPUSD"], result.Symbols);
        Assert.Equal(10, result.Bars);
        Assert.Equal(
            ["2016-01-04", "2016-01-05", "2016-01-06", "2016-01-07", "2016-01-08", "2016-01-11"],
            result.Samples.Select(s => s.Time.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        var closes = result.Samples.Select(s => (s.Legs[0].Close, s.Legs[1].Close)).ToList();
        Assert.Equal((1.0795m, 1.4830m), closes[1]); // GBPUSD has no 01-05 bar: its 01-04 close stands
        Assert.Equal((1.0930m, 1.5170m), closes[^1]); // EURUSD has no 01-11 bar: its 01-08 close stands
        Assert.Equal(result.Samples[^1].Equity, result.Risk.Equity);
    }

    [Fact]
    public async Task AFolder_IsItsCsvFilesInNameOrder()
    {
        var folder = Path.Combine(_root, "folder");
        Directory.CreateDirectory(folder);
        File.Copy(Daily("gbpusd.csv", ["2016-01-04", "2016-01-05"]), Path.Combine(folder, "gbpusd.csv"));
        File.Copy(Daily("eurusd.csv", ["2016-01-04", "2016-01-05"]), Path.Combine(folder, "eurusd.csv"));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not bars");

        var result = await ReplayRunner.RunAsync(new ReplayOptions { CsvPath = folder, OutputDirectory = Path.Combine(_root, "from-folder") });

        Assert.Equal(["EURUSD", "GBPUSD"], result.Symbols);
        Assert.Equal(["eurusd.csv", "gbpusd.csv"], result.Sources);
    }

    [Fact]
    public async Task TwoFilesOfOnePair_SymbolWithSeveralFiles_AndAnEmptyFolder_AreRefusedBeforeAnythingRuns()
    {
        var eurusd = Daily("eurusd.csv", ["2016-01-04", "2016-01-05"]);
        var again = Daily("eurusd-copy.csv", ["2016-01-04", "2016-01-05"]);
        var gbpusd = Daily("gbpusd.csv", ["2016-01-04", "2016-01-05"]);
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;
        var output = Path.Combine(_root, "refused");

        var twice = await Assert.ThrowsAsync<ReplayException>(() => ReplayRunner.RunAsync(new ReplayOptions { CsvPaths = [eurusd, again], OutputDirectory = output }));
        var named = await Assert.ThrowsAsync<ReplayException>(() => ReplayRunner.RunAsync(new ReplayOptions { CsvPaths = [eurusd, gbpusd], Symbol = "EURUSD", OutputDirectory = output }));
        var none = await Assert.ThrowsAsync<ReplayException>(() => ReplayRunner.RunAsync(new ReplayOptions { CsvPath = empty, OutputDirectory = output }));

        Assert.Equal($"Two files price EURUSD: '{eurusd}' and '{again}'; give one file per pair.", twice.Message);
        Assert.StartsWith("--symbol names the pair of a single file, and 2 files were given", named.Message);
        Assert.Equal($"The folder '{empty}' holds no .csv file of bars.", none.Message);
        Assert.False(Directory.Exists(output));
    }

    private static string Generate(string folder, string symbol)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, SyntheticBars.FileName(symbol, "1h", 3));
        using var writer = new StreamWriter(path);
        SyntheticBars.Write(writer, symbol, SyntheticBars.Intervals["1h"], new(2024, 1, 1), new(2024, 2, 29), 3);
        return path;
    }

    // Daily bars on the given days, each pair's closes rising from its own level.
    private string Daily(string name, IReadOnlyList<string> days)
    {
        var level = name.StartsWith("gbp", StringComparison.Ordinal) ? 1.4830m : 1.0750m;
        var step = name.StartsWith("gbp", StringComparison.Ordinal) ? 0.0085m : 0.0045m;
        var rows = days.Select((day, i) =>
        {
            var close = level + (i * step);
            return FormattableString.Invariant($"{day},{close},{close + 0.002m},{close - 0.002m},{close}");
        });
        var path = Path.Combine(_root, name);
        File.WriteAllLines(path, ["Date,Open,High,Low,Close", .. rows]);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
