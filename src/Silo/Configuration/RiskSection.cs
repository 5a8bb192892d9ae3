using AriaPro.Grains.Risk;
using AriaPro.Grains.Signals;

namespace AriaPro.Silo.Configuration;

/// <summary>Reads the portfolio risk and model health settings.</summary>
internal static class RiskSection
{
    private const string OpenUnitInterval = "must be greater than 0 and less than 1";

    public static RiskOptions ReadRisk(EnvironmentReader reader)
    {
        var options = new RiskOptions();
        options.VarConfidence = reader.GetDouble(AriaVariables.RiskVarConfidence, options.VarConfidence,
            v => v is > 0 and < 1, OpenUnitInterval);
        options.CvarConfidence = reader.GetDouble(AriaVariables.RiskCvarConfidence, options.CvarConfidence,
            v => v is > 0 and < 1, OpenUnitInterval);
        options.KellyMaxSize = reader.GetDouble(AriaVariables.RiskKellyMaxSize, options.KellyMaxSize,
            v => v is > 0 and <= 1, "must be greater than 0 and at most 1");
        options.LookbackDays = reader.GetInt(AriaVariables.RiskLookbackDays, options.LookbackDays,
            v => v >= 2, "must be a whole number of at least 2");
        return options;
    }

    public static ModelHealthOptions ReadModelHealth(EnvironmentReader reader)
    {
        var options = new ModelHealthOptions();
        options.CircuitBreakerThreshold = reader.GetDouble(AriaVariables.AiCircuitBreakerThreshold, options.CircuitBreakerThreshold,
            v => v is >= 0 and <= 1, "must be a success rate from 0 to 1");
        options.PerformanceWindow = reader.GetInt(AriaVariables.AiPerformanceWindow, options.PerformanceWindow,
            v => v >= 1, "must be a whole number of at least 1");
        options.ModelTimeout = reader.GetPositiveSeconds(AriaVariables.AiModelTimeout, options.ModelTimeout);
        return options;
    }
}
