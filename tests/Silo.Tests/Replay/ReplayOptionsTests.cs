using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Replay;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Replay;

/// <summary>Bad options fail before any silo starts, with a message that names the problem, and leave no output behind.</summary>
[Trait("Category", "Unit")]
public sealed class ReplayOptionsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"aria-replay-options-{Guid.NewGuid():N}");

    private string Output => Path.Combine(_root, "out");

    [Fact]
    public async Task RunAsync_MissingFile_FailsNamingTheFileAndWritesNothing()
    {
        var options = new ReplayOptions { CsvPath = Path.Combine(_root, "nothing-here.csv"), OutputDirectory = Output };

        var error = await Assert.ThrowsAsync<ReplayException>(() => ReplayRunner.RunAsync(options));

        Assert.Contains("nothing-here.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public async Task RunAsync_FromAfterTo_FailsAsAnEmptyRange()
    {
        var options = new ReplayOptions { CsvPath = WriteCsv("eurusd.csv"), OutputDirectory = Output, From = new(2016, 2, 1), To = new(2016, 1, 1) };

        var error = await Assert.ThrowsAsync<ReplayException>(() => ReplayRunner.RunAsync(options));

        Assert.Contains("--from 2016-02-01 is after --to 2016-01-01", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public async Task RunAsync_RangeOutsideTheFile_FailsSayingWhatTheFileCovers()
    {
        var options = new ReplayOptions { CsvPath = WriteCsv("eurusd.csv"), OutputDirectory = Output, From = new(2020, 1, 1) };

        var error = await Assert.ThrowsAsync<ReplayException>(() => ReplayRunner.RunAsync(options));

        Assert.Contains("No bar", error.Message, StringComparison.Ordinal);
        Assert.Contains("the file covers 2016-01-04 to 2016-01-08", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [Theory]
    [InlineData("XAUXAG", "Unknown symbol 'XAUXAG'")]
    [InlineData("EUR", "expected 6 letters")]
    public async Task RunAsync_UnknownSymbol_FailsNamingIt(string symbol, string expected)
    {
        var options = new ReplayOptions { CsvPath = WriteCsv("eurusd.csv"), OutputDirectory = Output, Symbol = symbol };

        var error = await Assert.ThrowsAsync<ReplayException>(() => ReplayRunner.RunAsync(options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public async Task RunAsync_MissingFont_FailsBeforeReplaying()
    {
        var options = new ReplayOptions { CsvPath = WriteCsv("eurusd.csv"), OutputDirectory = Output, FontPath = Path.Combine(_root, "NoSuchFont.ttf") };

        var error = await Assert.ThrowsAsync<ReplayException>(() => ReplayRunner.RunAsync(options));

        Assert.Contains("NoSuchFont.ttf", error.Message, StringComparison.Ordinal);
        Assert.Contains("fonts-dejavu-core", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public async Task RunAsync_BadVariable_FailsNamingTheVariable()
    {
        var options = new ReplayOptions
        {
            CsvPath = WriteCsv("eurusd.csv"),
            OutputDirectory = Output,
            Variables = new Dictionary<string, string?> { ["RISK_KELLY_MAX_SIZE"] = "lots" },
        };

        var error = await Assert.ThrowsAsync<ReplayException>(() => ReplayRunner.RunAsync(options));

        Assert.Contains("RISK_KELLY_MAX_SIZE", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public async Task WriteAsync_MissingFont_FailsAndWritesNothing()
    {
        var error = await Assert.ThrowsAsync<ReplayException>(() => ReplayReport.WriteAsync(TinyResult(), Output, Path.Combine(_root, "NoSuchFont.ttf")));

        Assert.Contains("NoSuchFont.ttf", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [SkippableFact]
    public async Task WriteAsync_TinyResult_WritesTheReportWithTheDefaultFont()
    {
        Skip.IfNot(File.Exists(ReplayReport.DefaultFontPath), "fonts-dejavu-core is not installed");

        var files = await ReplayReport.WriteAsync(TinyResult(), Output);

        Assert.Equal(7, files.Count);
        Assert.All(files, f => Assert.StartsWith(Output, f, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string WriteCsv(string name)
    {
        Directory.CreateDirectory(_root);
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, """
            Date,Open,High,Low,Close
            2016-01-04,1.0860,1.0940,1.0800,1.0830
            2016-01-05,1.0830,1.0840,1.0710,1.0750
            2016-01-06,1.0750,1.0790,1.0710,1.0780
            2016-01-07,1.0780,1.0930,1.0760,1.0920
            2016-01-08,1.0920,1.0940,1.0800,1.0930
            """);
        return path;
    }

    private static ReplayResult TinyResult()
    {
        var day = new DateTimeOffset(2016, 1, 4, 0, 0, 0, TimeSpan.Zero);
        var report = new RiskReport(0, null, null, null, null, null, null, null, null, null, null, null, null, new Dictionary<string, string>());
        var book = new BookRisk(BookRisk.HistoricalSimulation, 0, 252, null, day, 0m, 0m, 0m, 0m, 0.0, 0.0, null, new Dictionary<string, string>());
        var risk = new PortfolioRisk(report, 0.95, 0.99, 0, "USD", 1_000_000m, 1_000_000m, 0m, 0m, 0m, 0m, 0m, 0.02, [], day, "replay",
            book, report, "intraday", new LossLimitsView(0.0, null, 0.0, null, 1_000_000m, 1_000_000m, null));
        return new ReplayResult(
            ["EURUSD"], ["eurusd.csv"], 1, 0, 2, 0,
            [new(day, [new(1.083m, 0m, 0.5)], 1_000_000m, 0.0), new(day.AddDays(1), [new(1.075m, 1m, 0.6)], 999_000m, 0.001)],
            [], [new("trend", 2, 1, 1)], risk, TimeSpan.FromSeconds(1));
    }
}
