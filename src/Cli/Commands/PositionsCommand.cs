using System.CommandLine;
using AriaPro.Cli.Output;
using Spectre.Console;

namespace AriaPro.Cli.Commands;

/// <summary><c>aria positions</c>: every symbol's position and PnL (<c>GET /trading/positions</c>).</summary>
internal sealed class PositionsCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliApp app)
    {
        var command = new Command("positions",
            "Show every symbol's open position in lots, its average and mark price, realized and unrealized PnL in the quote " +
            "currency, and its working orders. Needs the role viewer.");
        app.Run(command, async (session, _, cancellationToken) =>
        {
            var positions = await session.Api.GetPositionsAsync(cancellationToken);
            if (session.Json)
            {
                CliOutput.Json(session.Out, positions);
                return ExitCodes.Ok;
            }

            var table = new Table { Title = new TableTitle("Positions") }
                .AddColumns("Symbol", "Quantity", "Avg price", "Mark", "Realized", "Unrealized", "Currency", "Working");
            foreach (var p in positions)
            {
                table.AddRow(CliOutput.Text(p.Symbol), CliOutput.Number(p.Quantity), CliOutput.Number(p.AveragePrice), CliOutput.Number(p.MarkPrice),
                    Signed(p.RealizedPnl), Signed(p.UnrealizedPnl), CliOutput.Text(p.PnlCurrency), p.WorkingOrders.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            session.Out.Write(table);
            return ExitCodes.Ok;
        });
        return app.Examples(command, "aria positions", "aria positions --json");
    }

    private static string Signed(decimal pnl) => pnl switch
    {
        > 0m => $"[green]{CliOutput.Number(pnl)}[/]",
        < 0m => $"[red]{CliOutput.Number(pnl)}[/]",
        _ => CliOutput.Number(pnl),
    };
}
