using AriaPro.Replay;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Replay;

/// <summary>
/// Two replays of the same year of the real EURUSD daily file with the same seed, each
/// reported into its own folder; shared by the tests that read them. Skipped, with the reason, when
/// the shared data is absent.
/// </summary>
public sealed class EurusdReplayFixture : IAsyncLifetime
{
    public const string FileName = "eurusd-daily-2005-2018.csv";

    public static readonly DateOnly From = new(2017, 1, 1);
    public static readonly DateOnly To = new(2017, 12, 31);

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"aria-replay-{Guid.NewGuid():N}");

    public string? CsvPath { get; } = SharedData.Find(FileName);

    public ReplayResult First { get; private set; } = null!;

    public ReplayResult Second { get; private set; } = null!;

    public string FirstDirectory => Path.Combine(_root, "first");

    public string SecondDirectory => Path.Combine(_root, "second");

    public IReadOnlyList<string> FirstFiles { get; private set; } = [];

    public IReadOnlyList<ReplayProgress> Progress { get; private set; } = [];

    public ReplayOptions Options(string output) => new()
    {
        CsvPath = CsvPath!,
        From = From,
        To = To,
        Seed = 7,
        OutputDirectory = output,
    };

    public async Task InitializeAsync()
    {
        if (CsvPath is null)
        {
            return;
        }

        var progress = new List<ReplayProgress>();
        First = await ReplayRunner.RunAsync(Options(FirstDirectory), new SynchronousProgress(progress.Add));
        Progress = progress;
        FirstFiles = await ReplayReport.WriteAsync(First, FirstDirectory);
        Second = await ReplayRunner.RunAsync(Options(SecondDirectory));
        await ReplayReport.WriteAsync(Second, SecondDirectory);
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>Reports on the caller's thread, so a test sees every report once the run returns.</summary>
    private sealed class SynchronousProgress(Action<ReplayProgress> report) : IProgress<ReplayProgress>
    {
        public void Report(ReplayProgress value) => report(value);
    }
}
