using System.CommandLine;
using AriaPro.Cli.Connection;
using AriaPro.Cli.Output;
using AriaPro.Client.Http;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Cli.Commands;

/// <summary><c>aria symbol show|halt|resume|reset</c>: a symbol's guards (<c>/trading/symbols/{symbol}</c>).</summary>
internal sealed class SymbolCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliApp app)
    {
        var symbol = new Command("symbol", "Show a symbol's limits, circuit breaker, order timeout and trading state (role viewer); halt, resume or reset its breaker (role admin).");
        symbol.Subcommands.Add(Build(app, "show", "Show the symbol's position and limit, breaker state and failures, order timeout and trading state. Needs the role viewer.",
            (api, s, _, ct) => api.GetSymbolAsync(s, ct), "aria symbol show EURUSD"));
        symbol.Subcommands.Add(Build(app, "halt", "Hold the symbol's breaker open by hand: no new orders trade until it is resumed. Publishes a circuit_breaker event " +
            "and fires the trader-breaker-open alert. Needs the role admin.",
            (api, s, reason, ct) => api.HaltAsync(s, reason, ct), "aria symbol halt EURUSD --reason \"central bank announcement\"", withReason: true));
        symbol.Subcommands.Add(Build(app, "resume", "Release a halted breaker: it closes and orders trade again. Needs the role admin.",
            (api, s, _, ct) => api.ResumeAsync(s, ct), "aria symbol resume EURUSD"));
        symbol.Subcommands.Add(Build(app, "reset", "Close a breaker that tripped on failures, clearing its failure count, without waiting for the cool-down. Needs the role admin.",
            (api, s, _, ct) => api.ResetAsync(s, ct), "aria symbol reset EURUSD"));
        return app.Examples(symbol, "aria symbol show EURUSD", "aria symbol halt USDJPY", "aria symbol resume USDJPY");
    }

    private static Command Build(CliApp app, string name, string description,
        Func<AriaHttpClient, string, string?, CancellationToken, Task<SymbolView>> call, string example, bool withReason = false)
    {
        var symbol = new Argument<string>("symbol") { Description = "The symbol, e.g. EURUSD" };
        var reason = new Option<string?>("--reason") { Description = "Why, for the audit log and the event [default: halted by an operator]", HelpName = "text" };
        var command = new Command(name, description) { symbol };
        if (withReason)
        {
            command.Options.Add(reason);
        }

        app.Run(command, async (session, parse, cancellationToken) =>
        {
            Print(session, await call(session.Api, parse.GetValue(symbol)!, withReason ? parse.GetValue(reason) : null, cancellationToken));
            return ExitCodes.Ok;
        });
        return app.Examples(command, example);
    }

    private static void Print(CliSession session, SymbolView view)
    {
        if (session.Json)
        {
            CliOutput.Json(session.Out, view);
            return;
        }

        var breaker = view.CircuitBreaker;
        session.Out.Write(CliOutput.Properties(view.Symbol,
            ("Trading state", Styles.Trading(view.TradingState)),
            ("State reason", CliOutput.Text(view.TradingStateReason)),
            ("Circuit breaker", Styles.Breaker(breaker.State)),
            ("Breaker reason", CliOutput.Text(breaker.Reason)),
            ("Consecutive failures", breaker.ConsecutiveFailures.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Opens until", CliOutput.Time(breaker.OpensUntil)),
            ("Probe order", CliOutput.Text(breaker.ProbeOrderId)),
            ("Position / limit", $"{CliOutput.Number(view.Position)} / {CliOutput.Number(view.PositionLimit)} lots"),
            ("Order timeout", $"{CliOutput.Number(view.OrderTimeoutSeconds)} s"),
            ("Working orders", view.WorkingOrders.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }
}
