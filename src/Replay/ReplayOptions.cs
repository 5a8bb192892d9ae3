using Microsoft.Extensions.Logging;

namespace AriaPro.Replay;

/// <summary>What to replay and where the report goes. <see cref="ReplayRunner"/> validates it before it starts anything.</summary>
public sealed class ReplayOptions
{
    /// <summary>The seed used when none is given.</summary>
    public const int DefaultSeed = 1;

    /// <summary>The symbol used when neither the options nor the file name name one.</summary>
    public const string DefaultSymbol = "EURUSD";

    /// <summary>
    /// The CSV files of bars, one per pair (any format the CSV feed reads, e.g. <c>Date,Open,High,Low,Close</c>),
    /// or folders whose <c>*.csv</c> files are taken in name order. Several pairs replay together, aligned on time,
    /// in one portfolio. Each file's name names its pair (<c>gbpusd-1m-seed7.csv</c>).
    /// </summary>
    public IReadOnlyList<string> CsvPaths { get; set; } = [];

    /// <summary>One CSV file of bars: <see cref="CsvPaths"/> holding just it.</summary>
    public string CsvPath
    {
        get => CsvPaths.Count == 1 ? CsvPaths[0] : string.Empty;
        set => CsvPaths = [value];
    }

    /// <summary>The pair the bars of a single file belong to; null takes it from the file name (<c>eurusd-daily.csv</c>) or uses EURUSD.</summary>
    /// <value>The default value is null.</value>
    public string? Symbol { get; set; }

    /// <summary>First trading day (UTC, inclusive); earlier bars of the file only warm the models up. Null starts at the first bar.</summary>
    public DateOnly? From { get; set; }

    /// <summary>Last trading day (UTC, inclusive); null runs to the last bar.</summary>
    public DateOnly? To { get; set; }

    /// <summary>Seed of the paper broker's random draws (<c>ARIA_PAPER_SEED</c>); the same seed and input give the same files.</summary>
    /// <value>The default value is 1.</value>
    public int Seed { get; set; } = DefaultSeed;

    /// <summary>Share of orders the paper broker rejects on purpose, 0..1 (<c>ARIA_PAPER_REJECT_RATE</c>); drawn from <see cref="Seed"/>.</summary>
    /// <value>The default value is 0.</value>
    public double PaperRejectRate { get; set; }

    /// <summary>Where <see cref="ReplayReport"/> writes the report; created when the report is written.</summary>
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>Folder of ONNX signal models (<c>ARIA_MODELS_DIR</c>); null uses the models shipped next to the application, as the silo does.</summary>
    /// <value>The default value is null.</value>
    public string? ModelsDirectory { get; set; }

    /// <summary>The TrueType font the charts are drawn with; checked before the replay starts.</summary>
    /// <value>The default value is <see cref="ReplayReport.DefaultFontPath"/>.</value>
    public string FontPath { get; set; } = ReplayReport.DefaultFontPath;

    /// <summary>
    /// Further AriaPro variables for the replayed silo (<c>RISK_KELLY_MAX_SIZE</c>, <c>ARIA_AUTOTRADE_LOTS</c>,
    /// <c>AUTO_TRADE_POS_LIMITS</c>, ...). The ones a replay depends on (feed, symbols, clock, broker latency,
    /// auto-trading, ports, Redis) are always set by the replay itself.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Variables { get; set; } = new Dictionary<string, string?>();

    /// <summary>Where the replayed silo logs; null keeps it silent so a progress bar stays readable.</summary>
    /// <value>The default value is null.</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The same replay into <paramref name="outputDirectory"/> with <paramref name="variables"/>: one run of a sweep.</summary>
    public ReplayOptions ForRun(string outputDirectory, IReadOnlyDictionary<string, string?> variables)
    {
        var run = (ReplayOptions)MemberwiseClone();
        run.OutputDirectory = outputDirectory;
        run.Variables = variables;
        return run;
    }
}
