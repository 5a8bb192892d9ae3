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
