using System.Globalization;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Cli;

/// <summary>Turns the command line into a <see cref="CliCommand"/> without side effects, so it can be tested.</summary>
internal static class CliParser
{
    private const NumberStyles NumberStyle = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;

    /// <summary>Parses <paramref name="args"/> with connection defaults from the process environment.</summary>
    public static CliParseResult Parse(string[] args) => Parse(args, Environment.GetEnvironmentVariable);

    /// <summary>Parses <paramref name="args"/>; <paramref name="environment"/> supplies <c>ARIA_*</c> defaults.</summary>
    public static CliParseResult Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        if (!ArgumentTokens.TrySplit(args, out var tokens, out var error))
        {
            return CliParseResult.Failure(error);
        }

        if (!TryReadConnection(tokens, environment, out var connection, out error))
        {
            return CliParseResult.Failure(error);
        }

        var help = tokens.TakeFlag("--help");
        if (help || tokens.Positionals.Count == 0 || tokens.Positionals[0] == "help")
        {
            return help || tokens.Positionals.Count > 0
                ? CliParseResult.Success(new HelpCommand(), connection)
                : CliParseResult.Failure("no command given");
        }

        var name = tokens.Positionals[0].ToLowerInvariant();
        var operands = tokens.Positionals.Skip(1).ToList();
        CliCommand? command = name switch
        {
            "submit" => ParseSubmit(tokens, operands, out error),
            "order" => ParseOrderId(operands, "order", out error) is { } orderId ? new OrderCommand(orderId) : null,
            "cancel" => ParseOrderId(operands, "cancel", out error) is { } cancelId ? new CancelCommand(cancelId) : null,
            "positions" => operands.Count == 0 ? new PositionsCommand() : Fail<CliCommand>("positions takes no arguments", out error),
            "symbol" => ParseSymbolOperand(operands, "symbol", out error) is { } symbol ? new SymbolCommand(symbol) : null,
            "breaker" => ParseBreaker(tokens, operands, out error),
            _ => Fail<CliCommand>($"unknown command '{tokens.Positionals[0]}'", out error),
        };

        if (command is null)
        {
            return CliParseResult.Failure(error);
        }

        var unknown = tokens.Remaining.FirstOrDefault();
        return unknown is null
            ? CliParseResult.Success(command, connection)
            : CliParseResult.Failure($"unknown option {unknown} for {name}");
    }

    private static bool TryReadConnection(ArgumentTokens tokens, Func<string, string?> environment,
        out ConnectionSettings connection, out string error)
    {
        connection = new ConnectionSettings(null, 30000, "aria", "ariapro");
        error = string.Empty;
        var redis = tokens.Take("--redis") ?? environment("ARIA_REDIS");
        var portText = tokens.Take("--gateway-port");
        var portSource = "--gateway-port";
        if (portText is null)
        {
            portText = environment("ARIA_GATEWAY_PORT");
            portSource = "ARIA_GATEWAY_PORT";
        }

        var port = connection.GatewayPort;
        if (!string.IsNullOrWhiteSpace(portText)
            && (!int.TryParse(portText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            error = $"{portSource}: '{portText}' must be a port from 1 to 65535";
            return false;
        }

        connection = new ConnectionSettings(
            string.IsNullOrWhiteSpace(redis) ? null : redis.Trim(),
            port,
            NonEmpty(environment("ARIA_CLUSTER_ID")) ?? connection.ClusterId,
            NonEmpty(environment("ARIA_SERVICE_ID")) ?? connection.ServiceId);
        return true;
    }

    private static SubmitCommand? ParseSubmit(ArgumentTokens tokens, List<string> operands, out string error)
    {
        var id = tokens.Take("--id");
        var symbolText = tokens.Take("--symbol");
        var sideText = tokens.Take("--side");
        var qtyText = tokens.Take("--qty");
        var typeText = tokens.Take("--type");
        var limitText = tokens.Take("--limit");
        if (operands.Count > 0)
        {
            return Fail<SubmitCommand>($"submit takes options only, not '{operands[0]}'", out error);
        }

        var missing = new[] { ("--id", id), ("--symbol", symbolText), ("--side", sideText), ("--qty", qtyText) }
            .Where(o => string.IsNullOrWhiteSpace(o.Item2)).Select(o => o.Item1).ToList();
        if (missing.Count > 0)
        {
            return Fail<SubmitCommand>($"submit needs {string.Join(", ", missing)}", out error);
        }

        if (ParseSymbol(symbolText!, "--symbol", out error) is not { } symbol)
        {
            return null;
        }

        if (!TryParseName<OrderSide>(sideText!, out var side))
        {
            return Fail<SubmitCommand>($"--side: '{sideText}' must be Buy or Sell", out error);
        }

        if (!TryParsePositive(qtyText!, out var quantity))
        {
            return Fail<SubmitCommand>($"--qty: '{qtyText}' must be a positive number of lots", out error);
        }

        var type = limitText is null ? OrderType.Market : OrderType.Limit;
        if (typeText is not null && !TryParseName(typeText, out type))
        {
            return Fail<SubmitCommand>($"--type: '{typeText}' must be Market or Limit", out error);
        }

        decimal? limit = null;
        if (limitText is not null)
        {
            if (type == OrderType.Market)
            {
                return Fail<SubmitCommand>("--limit is only allowed with --type Limit", out error);
            }

            if (!TryParsePositive(limitText, out var price))
            {
                return Fail<SubmitCommand>($"--limit: '{limitText}' must be a positive price", out error);
            }

            limit = price;
        }
        else if (type == OrderType.Limit)
        {
            return Fail<SubmitCommand>("--type Limit needs --limit PRICE", out error);
        }

        error = string.Empty;
        return new SubmitCommand(new OrderRequest(id!.Trim(), symbol, side, quantity, type, limit, "cli"));
    }

    private static BreakerCommand? ParseBreaker(ArgumentTokens tokens, List<string> operands, out string error)
    {
        var reason = tokens.Take("--reason");
        if (operands.Count != 2)
        {
            return Fail<BreakerCommand>("breaker needs an action (reset, halt or resume) and a symbol", out error);
        }

        if (!TryParseName<BreakerAction>(operands[0], out var action))
        {
            return Fail<BreakerCommand>($"breaker: '{operands[0]}' must be reset, halt or resume", out error);
        }

        if (reason is not null && action != BreakerAction.Halt)
        {
            return Fail<BreakerCommand>("--reason is only allowed with breaker halt", out error);
        }

        return ParseSymbol(operands[1], "breaker", out error) is { } symbol ? new BreakerCommand(action, symbol, reason) : null;
    }

    private static string? ParseOrderId(List<string> operands, string command, out string error)
    {
        if (operands.Count != 1 || string.IsNullOrWhiteSpace(operands[0]))
        {
            return Fail<string>($"{command} needs exactly one order id", out error);
        }

        error = string.Empty;
        return operands[0].Trim();
    }

    private static string? ParseSymbolOperand(List<string> operands, string command, out string error) =>
        operands.Count == 1 ? ParseSymbol(operands[0], command, out error) : Fail<string>($"{command} needs exactly one symbol", out error);

    private static string? ParseSymbol(string text, string source, out string error)
    {
        var symbol = text.Trim();
        if (symbol.Length != 6 || !symbol.All(char.IsAsciiLetter))
        {
            return Fail<string>($"{source}: '{text}' is not a symbol of six letters such as EURUSD", out error);
        }

        error = string.Empty;
        return symbol.ToUpperInvariant();
    }

    private static bool TryParseName<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        var match = Enum.GetNames<TEnum>().FirstOrDefault(n => n.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));
        value = match is null ? default : Enum.Parse<TEnum>(match);
        return match is not null;
    }

    private static bool TryParsePositive(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyle, CultureInfo.InvariantCulture, out value) && value > 0;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static T? Fail<T>(string message, out string error)
        where T : class
    {
        error = message;
        return null;
    }
}
