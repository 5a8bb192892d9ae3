using System.Globalization;
using System.Net;
using System.Text;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Replay;

/// <summary>The report page: a summary, the charts as data URIs, the risk table, the models and the orders' totals, all inline.</summary>
internal static class ReportHtml
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 960px; color: #222; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; margin: 0.5em 0; } td, th { border: 1px solid #ddd; padding: 0.25em 0.6em; text-align: left; }
        th { background: #f2f4f7; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 1em 0; } figure img { max-width: 100%; border: 1px solid #eee; } figcaption { color: #555; font-size: 0.9em; }
        .note { color: #555; font-size: 0.9em; }
        """;

    public static string Write(ReplayResult result, IReadOnlyList<ReplayChart> charts)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(Encode($"AriaPro replay: {result.Pairs} {Day(result.From)} to {Day(result.To)}")).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(Encode($"AriaPro replay: {result.Pairs}, {Day(result.From)} to {Day(result.To)}")).Append("</h1>\n");
        Summary(html, result);
        html.Append("<h2>Charts</h2>\n");
        foreach (var chart in charts)
        {
            html.Append("<figure><img alt=\"").Append(Encode(chart.FileName)).Append("\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(chart.Png)).Append("\"><figcaption>").Append(Encode(chart.Title))
                .Append("</figcaption></figure>\n");
        }

        RiskTable.Write(html, result.Risk);
        Models(html, result);
        html.Append("<p class=\"note\">Every order, one row each, is in <a href=\"").Append(ReplayReport.OrdersFileName).Append("\">")
            .Append(ReplayReport.OrdersFileName).Append("</a>; the risk metrics as the API returns them are in <a href=\"")
            .Append(ReplayReport.RiskFileName).Append("\">").Append(ReplayReport.RiskFileName).Append("</a>.</p>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);

    internal static void Row(StringBuilder html, string name, string value, bool numeric = true) =>
        html.Append("<tr><th>").Append(Encode(name)).Append("</th><td").Append(numeric ? " class=\"n\"" : string.Empty).Append('>')
            .Append(Encode(value)).Append("</td></tr>\n");

    internal static string Number(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    internal static string Number(double? value, string format = "0.####") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    internal static string Percent(double? value) => value is { } v && double.IsFinite(v) ? (100.0 * v).ToString("0.00", CultureInfo.InvariantCulture) + " %" : "n/a";

    private static void Summary(StringBuilder html, ReplayResult result)
    {
        var risk = result.Risk;
        var orders = result.Orders;
        var maxDrawdown = result.Samples.Max(s => s.Drawdown);
        html.Append("<h2>Summary</h2>\n<table>\n");
        var several = result.Symbols.Count > 1;
        Row(html, several ? "symbols" : "symbol", result.Pairs, numeric: false);
        Row(html, several ? "bars files" : "bars file", result.Source, numeric: false);
        Row(html, "replayed bars", $"{result.Bars.ToString(CultureInfo.InvariantCulture)} ({Day(result.From)} to {Day(result.To)})", numeric: false);
        if (several)
        {
            Row(html, "steps (times with a bar of any pair)", result.Samples.Count.ToString(CultureInfo.InvariantCulture));
        }

        Row(html, "warm-up bars (history only)", result.WarmupBars.ToString(CultureInfo.InvariantCulture));
        if (result.SkippedRows > 0)
        {
            Row(html, "malformed rows skipped", result.SkippedRows.ToString(CultureInfo.InvariantCulture));
        }

        Row(html, "seed", result.Seed.ToString(CultureInfo.InvariantCulture));
        Row(html, "orders sent", orders.Count.ToString(CultureInfo.InvariantCulture));
        Row(html, "orders filled", orders.Count(o => o.Status == OrderStatus.Filled).ToString(CultureInfo.InvariantCulture));
        Row(html, "orders denied by pre-trade checks", orders.Count(o => o.Status == OrderStatus.Denied).ToString(CultureInfo.InvariantCulture));
        Row(html, "orders rejected by the broker", orders.Count(o => o.Status == OrderStatus.Rejected).ToString(CultureInfo.InvariantCulture));
        Row(html, $"starting capital ({risk.AccountCurrency})", Number(risk.Capital));
        Row(html, $"final equity ({risk.AccountCurrency})", Number(risk.Equity));
        Row(html, "total return", Percent(risk.Capital > 0m ? (double)(risk.Equity / risk.Capital) - 1.0 : null));
        Row(html, "largest drawdown (bar by bar)", Percent(maxDrawdown));
        var last = result.Samples[^1].Legs;
        Row(html, "final position (lots)", several
            ? string.Join(", ", result.Symbols.Select((symbol, i) => $"{symbol} {last[i].Position.ToString(CultureInfo.InvariantCulture)}"))
            : last[0].Position.ToString(CultureInfo.InvariantCulture), numeric: !several);
        html.Append("</table>\n");
    }

    private static void Models(StringBuilder html, ReplayResult result)
    {
        html.Append("<h2>Signal models</h2>\n<p class=\"note\">A call is a probability above or below one half; it is scored against the next bar's close. ")
            .Append("Bars whose close did not change, and the last bar, are not scored.</p>\n")
            .Append("<table>\n<tr><th>model</th><th>answers</th><th>scored calls</th><th>right</th><th>accuracy</th></tr>\n");
        foreach (var model in result.Models)
        {
            html.Append("<tr><td>").Append(Encode(model.ModelId)).Append("</td><td class=\"n\">")
                .Append(model.Answers.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"n\">")
                .Append(model.Scored.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"n\">")
                .Append(model.Hits.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"n\">")
                .Append(Encode(Percent(model.Accuracy))).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    internal static string Day(DateTimeOffset time) =>
        time.UtcDateTime.TimeOfDay == TimeSpan.Zero
            ? time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
