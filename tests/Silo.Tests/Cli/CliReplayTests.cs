using System.Text.Json;
using AriaPro.Silo.Tests.Hosting;
using AriaPro.Silo.Tests.Replay;

namespace AriaPro.Silo.Tests.Cli;

/// <summary><c>aria-replay</c> end to end: the command line, the in-process silo, the report on disk, and its one-line failures.</summary>
[Trait("Category", "Integration")]
public sealed class CliReplayTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"aria-cli-replay-{Guid.NewGuid():N}");
    private readonly string? _csv = SharedData.Find(EurusdReplayFixture.FileName);

    [Fact]
    public async Task Replay_AQuarterOfEurusd_WritesTheReportAndSummarisesIt()
    {
        Assert.True(_csv is not null, $"../shared/data/{EurusdReplayFixture.FileName} is absent: the tests need the shared data beside the repository");
        using var cli = CliRun.Replay();
        var output = Path.Combine(_root, "table");

        var result = await cli.RunAsync("--csv", _csv!, "--from", "2017-01-01", "--to", "2017-03-31", "--seed", "3", "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Replay of EURUSD (eurusd-daily-2005-2018.csv)", result.Out);
        Assert.Contains("2017-01-02 to 2017-03-31", result.Out);
        Assert.Contains(Path.Combine(output, "report.html"), result.Out);
        foreach (var file in new[] { "report.html", "equity.png", "drawdown.png", "positions.png", "model-accuracy.png", "orders.csv", "risk.json" })
        {
            Assert.True(new FileInfo(Path.Combine(output, file)).Length > 0, file);
            Assert.Contains($"wrote {Path.Combine(output, file)}", result.Out);
        }

        Assert.DoesNotContain("aria-replay:", result.Error, StringComparison.Ordinal);

        // Not a terminal: no progress bar in what a log or a script reads.
        Assert.DoesNotContain("Replaying", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("━", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_Json_PrintsOnlyTheSummaryOnStandardOutput()
    {
        Assert.True(_csv is not null, $"../shared/data/{EurusdReplayFixture.FileName} is absent: the tests need the shared data beside the repository");
        using var cli = CliRun.Replay();
        var output = Path.Combine(_root, "json");

        var result = await cli.RunAsync("--csv", _csv!, "--from", "2017-02-01", "--to", "2017-02-28", "--out", output, "--json");

        Assert.Equal(0, result.ExitCode);
        using var summary = JsonDocument.Parse(result.Out);
        var root = summary.RootElement;
        Assert.Equal("EURUSD", root.GetProperty("symbol").GetString());
        Assert.Equal(1, root.GetProperty("seed").GetInt32());
        Assert.InRange(root.GetProperty("bars").GetInt32(), 18, 20);
        Assert.Equal(7, root.GetProperty("files").GetArrayLength());
        Assert.All(root.GetProperty("files").EnumerateArray(), f => Assert.True(File.Exists(f.GetString()), f.GetString()));
    }

    [Fact]
    public async Task Replay_MissingFile_OneLineExitOneAndNoReport()
    {
        using var cli = CliRun.Replay();
        var output = Path.Combine(_root, "missing");

        var result = await cli.RunAsync("--csv", Path.Combine(_root, "nope.csv"), "--out", output);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("aria-replay: The CSV file", line);
        Assert.Contains("nope.csv", line);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("--from", "2017-13-01", "--from must be a date such as 2017-01-31, not '2017-13-01'")]
    [InlineData("--seed", "many", "many")]
    public async Task Replay_UnreadableOption_ExitsTwoNamingIt(string option, string value, string expected)
    {
        using var cli = CliRun.Replay();

        var result = await cli.RunAsync("--csv", "bars.csv", "--out", Path.Combine(_root, "bad"), option, value);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains(expected, line);
        Assert.False(Directory.Exists(Path.Combine(_root, "bad")));
    }

    [Fact]
    public async Task Help_IsTheReplaysOwnManual_ItsOptionsExitCodesAndExamples()
    {
        using var cli = CliRun.Replay();

        var result = await cli.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("aria-replay - replay historical bars", result.Out);
        foreach (var option in new[] { "--csv", "--out", "--from", "--to", "--seed", "--reject-rate", "--models", "--json" })
        {
            Assert.Contains($"  {option} ", result.Out);
        }

        Assert.Contains("1    the replay could not run", result.Out);
        Assert.Contains("aria-replay --csv ../shared/data/eurusd-daily-2005-2018.csv --out replay-out", result.Out);
        Assert.DoesNotContain("--url", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ARIA_URL", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aria_HasNoReplayCommand_ItsManualNamesAriaReplay()
    {
        using var cli = new CliRun();

        var replay = await cli.RunAsync("replay", "--csv", "bars.csv", "--out", "out");
        var help = await cli.RunAsync("--help");

        Assert.Equal(2, replay.ExitCode);
        Assert.Contains("'replay'", Assert.Single(replay.ErrorLines));
        Assert.Contains("aria-replay", help.Out);
    }

    [Fact]
    public async Task Generate_ThenReplay_TheSyntheticFileReplaysThroughThePipeline_AndTheSameSeedGivesTheSameBytes()
    {
        using var cli = CliRun.Replay();
        var bars = Path.Combine(_root, "bars");
        var again = Path.Combine(_root, "again");

        var generated = await cli.RunAsync("generate", "--symbols", "EURUSD,gbpusd", "--bars", "1h", "--from", "2024-01-01", "--to", "2024-02-29", "--seed", "7", "--out", bars);
        var regenerated = await cli.RunAsync("generate", "--symbols", "EURUSD", "--bars", "1h", "--from", "2024-01-01", "--to", "2024-02-29", "--seed", "7", "--out", again);
        var file = Path.Combine(bars, "eurusd-1h-seed7.csv");
        var replayed = await cli.RunAsync("--csv", file, "--from", "2024-02-15", "--out", Path.Combine(_root, "report"));

        Assert.Equal(0, generated.ExitCode);
        Assert.Contains($"wrote {file} (1,056 bars)", generated.Out); // 44 weekdays of 24 bars
        Assert.True(File.Exists(Path.Combine(bars, "gbpusd-1h-seed7.csv")));
        Assert.Equal(0, regenerated.ExitCode);
        Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(again, "eurusd-1h-seed7.csv")));
        Assert.True(replayed.ExitCode == 0, replayed.Error);
        Assert.Contains("Replay of EURUSD (eurusd-1h-seed7.csv)", replayed.Out);
    }

    [Fact]
    public async Task Replay_AWarmUpLongerThanOneAdvanceOfTheGrain_IsFedInSteps()
    {
        using var cli = CliRun.Replay();
        var bars = Path.Combine(_root, "minutes");
        var generated = await cli.RunAsync("generate", "--symbols", "USDJPY", "--bars", "1m", "--from", "2024-01-01", "--to", "2024-07-31", "--out", bars, "--json");
        Assert.Equal(0, generated.ExitCode);
        var written = System.Text.Json.JsonDocument.Parse(generated.Out).RootElement[0].GetProperty("bars").GetInt64();
        Assert.True(written > 2 * AriaPro.Grains.MarketData.MarketDataGrain.MaxAdvanceBars, $"{written} bars");

        var replayed = await cli.RunAsync("--csv", Path.Combine(bars, "usdjpy-1m-seed1.csv"), "--from", "2024-07-31", "--out", Path.Combine(_root, "minutes-report"));

        Assert.True(replayed.ExitCode == 0, replayed.Error);
        Assert.Contains($"1440 (2024-07-31 to 2024-07-31), {written - 1440} of warm-up", replayed.Out);
    }

    [Theory]
    [InlineData("--symbols", "EURXXX", "aria-replay: --symbols: Unknown symbol 'EURXXX': both currencies must be among")]
    [InlineData("--bars", "2m", "aria-replay: --bars must be one of 1m, 5m, 15m, 1h, 1d, not '2m'")]
    [InlineData("--to", "2023-12-01", "aria-replay: The range is empty: --from 2024-01-01 is after --to 2023-12-01.")]
    public async Task Generate_ABadOption_OneLineExitTwo_AndNoFile(string option, string value, string expected)
    {
        using var cli = CliRun.Replay();
        var bars = Path.Combine(_root, "bad-bars");
        var args = new Dictionary<string, string> { ["--symbols"] = "EURUSD", ["--bars"] = "1h", ["--from"] = "2024-01-01", ["--to"] = "2024-01-05", ["--out"] = bars };
        args[option] = value;

        var result = await cli.RunAsync(["generate", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(bars) ? Directory.GetFiles(bars) : []);
    }

    [Fact]
    public async Task Sweep_TwoValues_TwoWholeReports_AndOneTableComparingThem()
    {
        Assert.True(_csv is not null, $"../shared/data/{EurusdReplayFixture.FileName} is absent");
        using var cli = CliRun.Replay();
        var output = Path.Combine(_root, "sweep");

        var result = await cli.RunAsync("--csv", _csv!, "--from", "2017-01-01", "--to", "2017-03-31", "--param", "ARIA_AUTOTRADE_LOTS=0.5,1", "--out", output);

        Assert.True(result.ExitCode == 0, result.Error);
        foreach (var run in new[] { "ARIA_AUTOTRADE_LOTS=0.5", "ARIA_AUTOTRADE_LOTS=1" })
        {
            Assert.True(File.Exists(Path.Combine(output, run, "report.html")), run);
            Assert.True(File.Exists(Path.Combine(output, run, "risk.json")), run);
        }

        var table = File.ReadAllLines(Path.Combine(output, "sweep.csv"));
        Assert.Equal("run,final_equity,sharpe,max_drawdown,orders", table[0]);
        Assert.Equal(3, table.Length);
        var (half, whole) = (table[1].Split(','), table[2].Split(','));
        Assert.Equal(["ARIA_AUTOTRADE_LOTS=0.5", "ARIA_AUTOTRADE_LOTS=1"], new[] { half[0], whole[0] });
        Assert.Equal(half[4], whole[4]); // the same signals trade, at twice the size
        Assert.Equal(2 * double.Parse(half[3], System.Globalization.CultureInfo.InvariantCulture), double.Parse(whole[3], System.Globalization.CultureInfo.InvariantCulture), 4);
        Assert.Contains("Sweep of EURUSD (eurusd-daily-2005-2018.csv), 2 runs", result.Out);
    }

    [Theory]
    [InlineData("NOPE=1", "aria-replay: --param NOPE: not an AriaPro variable")]
    [InlineData("AI_BASE_ANALYSIS_INTERVAL=abc", "aria-replay: --param AI_BASE_ANALYSIS_INTERVAL=abc: AI_BASE_ANALYSIS_INTERVAL: 'abc'")]
    [InlineData("ARIA_FEED=csv", "aria-replay: --param ARIA_FEED: the replay sets ARIA_FEED itself")]
    [InlineData("ARIA_AUTOTRADE_LOTS", "aria-replay: --param 'ARIA_AUTOTRADE_LOTS' is not NAME=VALUE")]
    [InlineData("ARIA_AUTOTRADE_LOTS=1,", "aria-replay: --param ARIA_AUTOTRADE_LOTS: a value is empty")]
    public async Task Replay_ABadParam_OneLineExitTwo_BeforeAnythingRuns(string param, string expected)
    {
        using var cli = CliRun.Replay();
        var output = Path.Combine(_root, "bad-param");

        var result = await cli.RunAsync("--csv", _csv ?? "bars.csv", "--param", param, "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Replay_NoOutputFolder_ExitsTwoNamingTheOption()
    {
        using var cli = CliRun.Replay();

        var result = await cli.RunAsync("--csv", "bars.csv");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out", Assert.Single(result.ErrorLines));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
