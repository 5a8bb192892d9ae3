using System.CommandLine;
using AriaPro.Cli.Output;
using Spectre.Console;

namespace AriaPro.Cli.Commands;

/// <summary><c>aria risk</c>: the portfolio's risk metrics (<c>GET /trading/risk/metrics</c>).</summary>
internal sealed class RiskCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliApp app)
    {
        var command = new Command("risk",
            "Show the portfolio's risk: equity and PnL, VaR and CVaR at the configured confidences (as returns and as money), " +
            "the exposure VaR against its budget, Sharpe, Sortino, drawdown and Kelly, and each symbol's exposure. Needs the role viewer.");
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
                ($"VaR {CliOutput.Percent(risk.VarConfidence)}", $"{CliOutput.Percent(m.Var)} ({CliOutput.Number(risk.VarAmount)} {currency})"),
                ($"CVaR {CliOutput.Percent(risk.CvarConfidence)}", $"{CliOutput.Percent(m.Cvar)} ({CliOutput.Number(risk.CvarAmount)} {currency})"),
                ("Exposure VaR / budget", $"{CliOutput.Number(risk.ExposureVar)} {currency} / {CliOutput.Percent(risk.ExposureVarBudget)} of equity"),
                ("Annual volatility", CliOutput.Percent(m.AnnualVolatility)),
                ("Sharpe", CliOutput.Number(m.Sharpe)),
                ("Sortino", CliOutput.Number(m.Sortino)),
                ("Max drawdown", CliOutput.Percent(m.MaxDrawdown)),
                ("Kelly", CliOutput.Number(m.Kelly)),
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
        return app.Examples(command, "aria risk", "aria risk --json");
    }
}
