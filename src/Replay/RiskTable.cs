using System.Globalization;
using System.Text;
using AriaPro.Grains.Interfaces.Risk;

namespace AriaPro.Replay;

/// <summary>
/// The risk grain's final metrics as a table, one row per field of <c>GET /trading/risk/metrics</c>
/// under the API's own (camelCase) names, then one row per symbol exposure.
/// </summary>
internal static class RiskTable
{
    private static string BookMethod(BookRisk book) => book.Fallback is { } why ? $"{book.Method} ({why})" : book.Method;

    public static void Write(StringBuilder html, PortfolioRisk risk)
    {
        var m = risk.Metrics;
        var currency = risk.AccountCurrency;
        html.Append("<h2>Risk (GET /trading/risk/metrics after the last bar)</h2>\n")
            .Append("<p class=\"note\">The book's VaR and CVaR by the method and window named in book.method and book.scenarios; ")
            .Append("the metrics from the daily returns the risk grain closed during the replay, the intraday ones from its equity samples. ")
            .Append("Fractions are of equity; a metric the series cannot define is n/a, with the reason below.</p>\n<table>\n");
        ReportHtml.Row(html, "returns (daily, count)", risk.Returns.ToString(CultureInfo.InvariantCulture));
        ReportHtml.Row(html, "capital", $"{ReportHtml.Number(risk.Capital)} {currency}");
        ReportHtml.Row(html, "equity", $"{ReportHtml.Number(risk.Equity)} {currency}");
        ReportHtml.Row(html, "realizedPnl", $"{ReportHtml.Number(risk.RealizedPnl)} {currency}");
        ReportHtml.Row(html, "unrealizedPnl", $"{ReportHtml.Number(risk.UnrealizedPnl)} {currency}");
        ReportHtml.Row(html, "metrics.annualReturn", ReportHtml.Percent(m.AnnualReturn));
        ReportHtml.Row(html, "metrics.annualVolatility", ReportHtml.Percent(m.AnnualVolatility));
        ReportHtml.Row(html, "metrics.sharpe", ReportHtml.Number(m.Sharpe));
        ReportHtml.Row(html, "metrics.sortino", ReportHtml.Number(m.Sortino));
        ReportHtml.Row(html, "metrics.downsideRisk", ReportHtml.Percent(m.DownsideRisk));
        ReportHtml.Row(html, "metrics.maxDrawdown", ReportHtml.Percent(m.MaxDrawdown));
        ReportHtml.Row(html, "metrics.calmar", ReportHtml.Number(m.Calmar));
        ReportHtml.Row(html, $"metrics.var (historical, {Confidence(risk.VarConfidence)})", ReportHtml.Percent(m.Var));
        ReportHtml.Row(html, $"metrics.cvar ({Confidence(risk.CvarConfidence)})", ReportHtml.Percent(m.Cvar));
        ReportHtml.Row(html, "metrics.parametricVar", ReportHtml.Percent(m.ParametricVar));
        ReportHtml.Row(html, "metrics.cornishFisherVar", ReportHtml.Percent(m.CornishFisherVar));
        ReportHtml.Row(html, "metrics.kelly", ReportHtml.Number(m.Kelly));
        ReportHtml.Row(html, "book.method", BookMethod(risk.Book), numeric: false);
        ReportHtml.Row(html, "book.scenarios (days)", risk.Book.Scenarios.ToString(CultureInfo.InvariantCulture));
        ReportHtml.Row(html, "book.windowEnd", risk.Book.WindowEnd is { } end ? end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "n/a", numeric: false);
        ReportHtml.Row(html, $"varAmount (book, {Confidence(risk.VarConfidence)})", risk.VarAmount is { } v ? $"{ReportHtml.Number(v)} {currency}" : "n/a");
        ReportHtml.Row(html, $"cvarAmount (book, {Confidence(risk.CvarConfidence)})", risk.CvarAmount is { } c ? $"{ReportHtml.Number(c)} {currency}" : "n/a");
        ReportHtml.Row(html, "book.parametricVar", $"{ReportHtml.Number(risk.Book.ParametricVar)} {currency}");
        ReportHtml.Row(html, "book.cornishFisherVar", $"{ReportHtml.Number(risk.Book.CornishFisherVar)} {currency}");
        ReportHtml.Row(html, "intraday (count)", risk.Intraday.Count.ToString(CultureInfo.InvariantCulture));
        ReportHtml.Row(html, "intraday.sharpe", ReportHtml.Number(risk.Intraday.Sharpe));
        ReportHtml.Row(html, "intraday.sortino", ReportHtml.Number(risk.Intraday.Sortino));
        ReportHtml.Row(html, "intraday.maxDrawdown", ReportHtml.Percent(risk.Intraday.MaxDrawdown));
        ReportHtml.Row(html, "intraday.calmar", ReportHtml.Number(risk.Intraday.Calmar));
        ReportHtml.Row(html, "intradayBasis", risk.IntradayBasis, numeric: false);
        ReportHtml.Row(html, "exposureVar", $"{ReportHtml.Number(risk.ExposureVar)} {currency}");
        ReportHtml.Row(html, "exposureVarBudget", ReportHtml.Percent(risk.ExposureVarBudget));
        ReportHtml.Row(html, "lastDayClosed", risk.LastDayClosed is { } day ? ReportHtml.Day(day) : "n/a", numeric: false);
        ReportHtml.Row(html, "returnsSource", risk.ReturnsSource, numeric: false);
        foreach (var (metric, note) in m.Notes)
        {
            ReportHtml.Row(html, $"note: {metric}", note, numeric: false);
        }

        html.Append("</table>\n<table>\n<tr><th>symbol</th><th>quantity</th><th>mark</th><th>notional</th><th>realized</th><th>unrealized</th>")
            .Append("<th>Kelly fraction</th><th>Kelly source</th><th>Kelly lots</th></tr>\n");
        foreach (var e in risk.Exposures)
        {
            html.Append("<tr><td>").Append(ReportHtml.Encode(e.Symbol)).Append("</td>");
            Cell(html, e.Quantity.ToString(CultureInfo.InvariantCulture));
            Cell(html, e.MarkPrice.ToString(CultureInfo.InvariantCulture));
            Cell(html, ReportHtml.Number(e.Notional));
            Cell(html, ReportHtml.Number(e.RealizedPnl));
            Cell(html, ReportHtml.Number(e.UnrealizedPnl));
            Cell(html, ReportHtml.Number(e.Kelly.Fraction));
            html.Append("<td>").Append(ReportHtml.Encode(e.Kelly.Source)).Append("</td>");
            Cell(html, e.Kelly.Lots.ToString(CultureInfo.InvariantCulture));
            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Cell(StringBuilder html, string value) =>
        html.Append("<td class=\"n\">").Append(ReportHtml.Encode(value)).Append("</td>");

    private static string Confidence(double confidence) => (100.0 * confidence).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
