using ScottPlot;

namespace AriaPro.Replay;

/// <summary>Draws the report's charts with ScottPlot, every text in the one registered font.</summary>
internal static class ReplayCharts
{
    public const int Width = 900;
    public const int Height = 380;

    private static readonly Color Ink = Color.FromHex("#1f4e79");
    private static readonly Color Loss = Color.FromHex("#b03a2e");
    private static readonly Color Muted = Color.FromHex("#7f8c8d");

    public static IReadOnlyList<ReplayChart> Render(ReplayResult result, string font) =>
    [
        Equity(result, font),
        Drawdown(result, font),
        Positions(result, font),
        ModelAccuracyChart(result, font),
    ];

    private static ReplayChart Equity(ReplayResult result, string font)
    {
        var plot = NewPlot(font, $"{result.Pairs} replay: equity ({result.Risk.AccountCurrency})");
        var line = plot.Add.Scatter(Times(result), result.Samples.Select(s => (double)s.Equity).ToArray());
        Style(line, Ink);
        var capital = plot.Add.HorizontalLine((double)result.Risk.Capital);
        capital.Color = Muted;
        capital.LinePattern = LinePattern.Dashed;
        capital.LineWidth = 1;
        plot.Axes.DateTimeTicksBottom();
        plot.YLabel($"equity ({result.Risk.AccountCurrency})");
        return Encode(plot, "equity.png", "Equity: the risk grain's marked-to-market equity after every bar; dashed, the starting capital");
    }

    private static ReplayChart Drawdown(ReplayResult result, string font)
    {
        var plot = NewPlot(font, $"{result.Pairs} replay: drawdown from the equity high (%)");
        var line = plot.Add.Scatter(Times(result), result.Samples.Select(s => -100.0 * s.Drawdown).ToArray());
        Style(line, Loss);
        line.FillY = true;
        line.FillYColor = Loss.WithAlpha(0.25);
        plot.Axes.DateTimeTicksBottom();
        plot.YLabel("drawdown (%)");
        return Encode(plot, "drawdown.png", "Drawdown: how far equity stands below its highest value so far");
    }

    private static ReplayChart Positions(ReplayResult result, string font) =>
        result.Symbols.Count == 1 ? Position(result, font) : PortfolioPositions(result, font);

    // Several pairs: one step line each, in lots; their closes differ in scale, so none is drawn.
    private static ReplayChart PortfolioPositions(ReplayResult result, string font)
    {
        var plot = NewPlot(font, $"{result.Pairs} replay: position per pair (lots)");
        var times = Times(result);
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < result.Symbols.Count; i++)
        {
            var leg = i;
            var position = plot.Add.Scatter(times, result.Samples.Select(s => (double)s.Legs[leg].Position).ToArray());
            Style(position, palette.GetColor(i));
            position.ConnectStyle = ConnectStyle.StepHorizontal;
            position.LegendText = result.Symbols[i];
        }

        plot.Axes.DateTimeTicksBottom();
        plot.YLabel("position (lots)");
        plot.ShowLegend(Alignment.UpperLeft);
        return Encode(plot, "positions.png", "Positions: each trader's position after every step (lots; long above zero)");
    }

    private static ReplayChart Position(ReplayResult result, string font)
    {
        var plot = NewPlot(font, $"{result.Pairs} replay: position (lots) and close");
        var times = Times(result);
        var position = plot.Add.Scatter(times, result.Samples.Select(s => (double)s.Position).ToArray());
        Style(position, Ink);
        position.ConnectStyle = ConnectStyle.StepHorizontal;
        position.LegendText = "position (lots, left)";
        var close = plot.Add.Scatter(times, result.Samples.Select(s => (double)s.Close).ToArray());
        Style(close, Muted);
        close.LineWidth = 1;
        close.Axes.YAxis = plot.Axes.Right;
        close.LegendText = "close (right)";
        plot.Axes.Right.Label.Text = "close";
        plot.Axes.DateTimeTicksBottom();
        plot.YLabel("position (lots)");
        plot.ShowLegend(Alignment.UpperLeft);
        return Encode(plot, "positions.png", "Positions: the trader's position after every bar (lots; long above zero) against the close");
    }

    private static ReplayChart ModelAccuracyChart(ReplayResult result, string font)
    {
        var plot = NewPlot(font, $"{result.Pairs} replay: direction accuracy per model (%)");
        var models = result.Models;
        var values = models.Select(m => 100.0 * (m.Accuracy ?? 0.0)).ToArray();
        var bars = plot.Add.Bars(values);
        bars.Color = Ink;
        var chance = plot.Add.HorizontalLine(50);
        chance.Color = Loss;
        chance.LinePattern = LinePattern.Dashed;
        chance.LineWidth = 1;
        var positions = Enumerable.Range(0, models.Count).Select(i => (double)i).ToArray();
        var labels = models.Select(m => $"{m.ModelId} ({m.Scored} calls)").ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.SetLimitsY(0, 100);
        plot.YLabel("right direction (%)");
        return Encode(plot, "model-accuracy.png", "Model accuracy: each model's share of right direction calls against the next bar; dashed, a coin's 50%");
    }

    private static Plot NewPlot(string font, string title)
    {
        var plot = new Plot();
        plot.Font.Set(font);
        plot.Title(title);
        return plot;
    }

    private static void Style(ScottPlot.Plottables.Scatter line, Color color)
    {
        line.Color = color;
        line.MarkerSize = 0;
        line.LineWidth = 1.5f;
    }

    private static double[] Times(ReplayResult result) => result.Samples.Select(s => s.Time.UtcDateTime.ToOADate()).ToArray();

    private static ReplayChart Encode(Plot plot, string fileName, string title) =>
        new(fileName, title, plot.GetImageBytes(Width, Height, ImageFormat.Png));
}
