using AriaPro.Core.Trading;
using System.Globalization;
using AriaPro.Grains.Brokers;
using AriaPro.Grains.Signals;
using AriaPro.Grains.Trading;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Silo.Configuration;

/// <summary>Reads the trader guards, the auto-trader and the paper broker.</summary>
internal static class TradingSection
{
    /// <summary>Longest simulated broker latency: ten minutes.</summary>
    public const int MaxPaperLatencyMs = 600_000;

    public static TraderOptions ReadTrader(EnvironmentReader reader)
    {
        var options = new TraderOptions();
        options.CircuitBreakerCooldown = reader.GetPositiveSeconds(AriaVariables.TradeCircuitBreakerCooldown, options.CircuitBreakerCooldown);
        options.CircuitBreakerFailures = reader.GetInt(AriaVariables.TradeCircuitBreakerFailures, options.CircuitBreakerFailures,
            v => v >= 1, "must be a whole number of at least 1");
        options.BaseOrderTimeout = reader.GetPositiveSeconds(AriaVariables.TradeBaseTimeout, options.BaseOrderTimeout);
        options.MaxOrderTimeout = reader.GetPositiveSeconds(AriaVariables.TradeMaxTimeout, options.MaxOrderTimeout);
        if (!reader.HasFailed(AriaVariables.TradeBaseTimeout) && !reader.HasFailed(AriaVariables.TradeMaxTimeout)
            && options.MaxOrderTimeout < options.BaseOrderTimeout)
        {
            reader.AddError(AriaVariables.TradeMaxTimeout,
                $"{Seconds(options.MaxOrderTimeout)} is below {AriaVariables.TradeBaseTimeout} ({Seconds(options.BaseOrderTimeout)})");
        }

        var limitsText = reader.GetRaw(AriaVariables.TradePositionLimits);
        if (limitsText is not null)
        {
            var problems = PositionLimitsParser.Parse(limitsText, out var limits);
            foreach (var problem in problems)
            {
                reader.AddValueError(AriaVariables.TradePositionLimits, limitsText, problem);
            }

            options.PositionLimits = limits;
        }

        return options;
    }

    public static AutoTraderOptions ReadAutoTrader(EnvironmentReader reader)
    {
        var options = new AutoTraderOptions();
        options.Enabled = reader.GetBool(AriaVariables.AutoTrade, options.Enabled);
        options.Lots = reader.GetDecimal(AriaVariables.AutoTradeLots, options.Lots,
            v => v > 0 && v <= OrderRules.MaxOrderLots && v % OrderRules.LotStep == 0,
            $"must be a positive multiple of {Invariant(OrderRules.LotStep)} lots, at most {Invariant(OrderRules.MaxOrderLots)}");
        options.AnalysisInterval = reader.GetPositiveSeconds(AriaVariables.AiBaseAnalysisInterval, options.AnalysisInterval);
        return options;
    }

    public static PaperBrokerOptions ReadPaperBroker(EnvironmentReader reader)
    {
        var options = new PaperBrokerOptions();
        var latencyMs = reader.GetInt(AriaVariables.PaperLatencyMs, (int)options.Latency.TotalMilliseconds,
            v => v is >= 0 and <= MaxPaperLatencyMs, $"must be a whole number of milliseconds from 0 to {MaxPaperLatencyMs}");
        options.Latency = TimeSpan.FromMilliseconds(latencyMs);
        options.RejectRate = reader.GetDouble(AriaVariables.PaperRejectRate, options.RejectRate,
            v => v is >= 0 and <= 1, "must be a share from 0 to 1");
        options.SlippagePips = reader.GetDecimal(AriaVariables.PaperSlippagePips, options.SlippagePips,
            v => v >= 0, "must be a number of pips of at least 0");
        options.Seed = reader.GetOptionalInt(AriaVariables.PaperSeed);
        return options;
    }

    internal static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
