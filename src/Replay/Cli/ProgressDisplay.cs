using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AriaPro.Replay.Cli;

/// <summary>
/// The replay's progress bars: bars done, bars per second and time left, on a terminal only. Where
/// the output is a file or a pipe nothing is drawn, so a log or a script sees only the summary.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> with a progress context on an interactive console, else with none.</summary>
    public static Task<T> StartAsync<T>(IAnsiConsole console, Func<ProgressContext?, Task<T>> work) =>
        console.Profile.Capabilities.Interactive
            ? console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new BarsPerSecondColumn(), new RemainingTimeColumn())
                .StartAsync(progress => work(progress))
            : work(null);

    /// <summary>Reports a replay's bars to <paramref name="task"/>, if there is one.</summary>
    public static IProgress<ReplayProgress>? For(ProgressTask? task) => task is null ? null : new BarProgress(task);

    // Set straight from the replay's thread: Progress<T> would post to the thread pool and could
    // apply an older count after a newer one.
    private sealed class BarProgress(ProgressTask task) : IProgress<ReplayProgress>
    {
        public void Report(ReplayProgress value)
        {
            task.MaxValue = Math.Max(1, value.TotalBars);
            task.Value = value.BarsDone;
        }
    }

    private sealed class BarsPerSecondColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? string.Create(CultureInfo.InvariantCulture, $"{speed:N0} bars/s") : "", new Style(Color.Grey));
    }
}
