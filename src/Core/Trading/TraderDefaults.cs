namespace AriaPro.Core.Trading;

/// <summary>Defaults of the ARIA PRO specification for <see cref="TraderOptions"/>.</summary>
public static class TraderDefaults
{
    public static readonly TimeSpan CircuitBreakerCooldown = TimeSpan.FromSeconds(3600);
    public const int CircuitBreakerFailures = 5;
    public static readonly TimeSpan BaseOrderTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxOrderTimeout = TimeSpan.FromSeconds(120);
    public const string PositionLimitsText = "EURUSD:2,GBPUSD:1,USDJPY:1";

    public static readonly IReadOnlyDictionary<string, decimal> PositionLimits = new Dictionary<string, decimal>
    {
        ["EURUSD"] = 2m,
        ["GBPUSD"] = 1m,
        ["USDJPY"] = 1m,
    };

    /// <summary>Units of the base currency in one lot.</summary>
    public const decimal ContractSize = 100_000m;

    /// <summary>Finished orders a trader keeps after archiving them (see <see cref="TraderOptions.RetainedFinishedOrders"/>).</summary>
    public const int RetainedFinishedOrders = 20;
}
