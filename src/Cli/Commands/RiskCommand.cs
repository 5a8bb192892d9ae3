using System.CommandLine;
using AriaPro.Cli.Output;
using Spectre.Console;

namespace AriaPro.Cli.Commands;

/// <summary><c>aria risk</c>: the portfolio's risk metrics (<c>GET /trading/risk/metrics</c>).</summary>
internal sealed class RiskCommand : ICliCommand
{
    private static string BookMethod(AriaPro.Grains.Interfaces.Risk.BookRisk book) =>
        book.Fallback is { } why ? $"{book.Method} ({why})"
        : book.WindowEnd is { } end ? $"{book.Method}, {book.Scenarios} days to {end:yyyy-MM-dd}"
        : book.Method;

    /// <inheritdoc />
    public Command Create(CliApp app)
    {
        var command = new Command("risk",
            "Show the portfolio's risk: equity and PnL; the 1-day VaR and CVaR of the book held now, with the method and window " +
            "they come from and the budget the orders are held to; Sharpe, Sortino, drawdown and Kelly of the daily equity returns " +
            "and of the intraday samples; and each symbol's exposure. Needs the role viewer.");
        app.Run(command, async (session, _, cancellationToken) =>
        {
            var risk = await session.Api.GetRiskAsync(cancellationToken);
            if (session.Json)
            {
                CliOutput.Json(session.Out, risk);
                return ExitCodes.Ok;
            }

            var m = risk.Metrics;
            var currency = CliOutput.Text(risk.AccountCurrency);
            session.Out.Write(CliOutput.Properties("Portfolio risk",
                ("Capital", $"{CliOutput.Number(risk.Capital)} {currency}"),
                ("Equity", $"{CliOutput.Number(risk.Equity)} {currency}"),
                ("Realized PnL", $"{CliOutput.Number(risk.RealizedPnl)} {currency}"),
                ("Unrealized PnL", $"{CliOutput.Number(risk.UnrealizedPnl)} {currency}"),
                ("Book risk method", CliOutput.Text(BookMethod(risk.Book))),
                ($"Book VaR {CliOutput.Percent(risk.VarConfidence)}", $"{CliOutput.Number(risk.VarAmount)} {currency} ({CliOutput.Percent(risk.Book.VarOfEquity)} of equity)"),
                ($"Book CVaR {CliOutput.Percent(risk.CvarConfidence)}", $"{CliOutput.Number(risk.CvarAmount)} {currency} ({CliOutput.Percent(risk.Book.CvarOfEquity)} of equity)"),
                ("Parametric / Cornish-Fisher VaR", $"{CliOutput.Number(risk.Book.ParametricVar)} / {CliOutput.Number(risk.Book.CornishFisherVar)} {currency}"),
                ("VaR budget (ARIA_RISK_MAX_VAR)", $"{CliOutput.Percent(risk.ExposureVarBudget)} of equity"),
                ("Catalog VaR (correlation 1)", $"{CliOutput.Number(risk.ExposureVar)} {currency}"),
                ("Annual volatility (daily)", CliOutput.Percent(m.AnnualVolatility)),
                ("Sharpe daily / intraday", $"{CliOutput.Number(m.Sharpe)} / {CliOutput.Number(risk.Intraday.Sharpe)}"),
                ("Sortino daily / intraday", $"{CliOutput.Number(m.Sortino)} / {CliOutput.Number(risk.Intraday.Sortino)}"),
                ("Max drawdown daily / intraday", $"{CliOutput.Percent(m.MaxDrawdown)} / {CliOutput.Percent(risk.Intraday.MaxDrawdown)}"),
                ("Intraday samples", $"{risk.Intraday.Count} ({CliOutput.Text(risk.IntradayBasis)})"),
                ("Kelly", CliOutput.Number(m.Kelly)),
                ("Daily loss / limit", $"{CliOutput.Percent(risk.Limits.DailyLoss)} / {CliOutput.Percent(risk.Limits.MaxDailyLoss)}"),
                ("Drawdown / limit", $"{CliOutput.Percent(risk.Limits.Drawdown)} / {CliOutput.Percent(risk.Limits.MaxDrawdown)}"),
                ("Kill switch", KillSwitch(risk.Limits)),
                ("Daily returns", $"{risk.Returns} ({CliOutput.Text(risk.ReturnsSource)})"),
                ("Last day closed", CliOutput.Time(risk.LastDayClosed))));
            if (risk.Exposures.Count > 0)
            {
                var table = new Table { Title = new TableTitle("Exposures") }.AddColumns("Symbol", "Quantity", "Mark", "Notional", "Realized", "Unrealized");
                foreach (var e in risk.Exposures)
                {
                    table.AddRow(CliOutput.Text(e.Symbol), CliOutput.Number(e.Quantity), CliOutput.Number(e.MarkPrice), CliOutput.Number(e.Notional),
                        CliOutput.Number(e.RealizedPnl), CliOutput.Number(e.UnrealizedPnl));
                }

                session.Out.Write(table);
            }

            // Why a metric is missing: usually one reason for many of them.
            foreach (var reason in m.Notes.GroupBy(n => n.Value, n => n.Key, StringComparer.Ordinal))
            {
                session.Out.MarkupLine($"[grey]{CliOutput.Text(string.Join(", ", reason))}: {CliOutput.Text(reason.Key)}[/]");
            }

            return ExitCodes.Ok;
        });
        command.Subcommands.Add(Resume(app));
        return app.Examples(command, "aria risk", "aria risk --json", "aria risk resume --reason \"limits reviewed\"");
    }

    private static string KillSwitch(AriaPro.Grains.Interfaces.Risk.LossLimitsView limits) =>
        limits.Tripped is { } trip ? $"[red]tripped[/] {CliOutput.Time(trip.At)}: {CliOutput.Text(trip.Reason)}" : "[green]armed[/]";

    private static Command Resume(CliApp app)
    {
        var reason = new Option<string?>("--reason") { Description = "Why, for the audit log [default: resumed by an admin]", HelpName = "text" };
        var command = new Command("resume",
            "Lift a tripped kill switch: the symbols it made Reducing are Active again, and the daily loss and drawdown limits are " +
            "re-armed from the equity now. Needs the role admin.") { reason };
        app.Run(command, async (session, parse, cancellationToken) =>
        {
            var limits = await session.Api.ResumeTradingAsync(parse.GetValue(reason), cancellationToken);
            if (session.Json)
            {
                CliOutput.Json(session.Out, limits);
                return ExitCodes.Ok;
            }

            session.Out.Write(CliOutput.Properties("Loss limits",
                ("Kill switch", KillSwitch(limits)),
                ("Daily loss / limit", $"{CliOutput.Percent(limits.DailyLoss)} / {CliOutput.Percent(limits.MaxDailyLoss)}"),
                ("Drawdown / limit", $"{CliOutput.Percent(limits.Drawdown)} / {CliOutput.Percent(limits.MaxDrawdown)}")));
            return ExitCodes.Ok;
        });
        return app.Examples(command, "aria risk resume", "aria risk resume --reason \"limits reviewed\"");
    }
}
