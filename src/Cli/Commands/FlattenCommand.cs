using System.CommandLine;
using AriaPro.Cli.Output;
using AriaPro.Grains.Interfaces.Trading;
using Spectre.Console;

namespace AriaPro.Cli.Commands;

/// <summary><c>aria flatten SYMBOL | --all</c>: close positions (<c>POST /trading/symbols/{symbol}/flatten</c>, <c>POST /trading/flatten</c>).</summary>
internal sealed class FlattenCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliApp app)
    {
        var symbol = new Argument<string?>("symbol") { Description = "The symbol to flatten, e.g. EURUSD", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Flatten every traded symbol" };
        var command = new Command("flatten",
            "Close positions: cancel the symbol's working orders, then close its position with a market order. The order only reduces, so " +
            "it passes a halted symbol, an open circuit breaker, the position limit and the kill switch. Give a symbol, or --all for every " +
            "symbol. Needs the role admin.") { symbol, all };
        command.Validators.Add(result =>
        {
            var named = result.GetValue(symbol) is not null;
            if (named == result.GetValue(all))
            {
                result.AddError("give either a symbol or --all");
            }
        });
        app.Run(command, async (session, parse, cancellationToken) =>
        {
            IReadOnlyList<FlattenResult> results = parse.GetValue(symbol) is { } one
                ? [await session.Api.FlattenAsync(one, cancellationToken)]
                : await session.Api.FlattenAllAsync(cancellationToken);
            if (session.Json)
            {
                CliOutput.Json(session.Out, results);
                return ExitCodes.Ok;
            }

            var table = new Table { Title = new TableTitle("Flattened") }.AddColumns("Symbol", "Position", "Cancelled", "Closing order", "Status", "Reason");
            foreach (var r in results)
            {
                table.AddRow(CliOutput.Text(r.Symbol), CliOutput.Number(r.Position), CliOutput.Text(r.Cancelled.Count == 0 ? null : string.Join(", ", r.Cancelled)),
                    CliOutput.Text(r.Order?.ClientOrderId), r.Order is { } order ? Styles.Order(order.Status) : "flat", CliOutput.Text(r.Order?.Reason));
            }

            session.Out.Write(table);
            return ExitCodes.Ok;
        });
        return app.Examples(command, "aria flatten EURUSD", "aria flatten --all");
    }
}
