using AriaPro.Grains.Risk;
using AriaPro.Grains.Signals;

namespace AriaPro.Silo.Configuration;

/// <summary>Reads the portfolio risk and model health settings.</summary>
internal static class RiskSection
{
    private const string OpenUnitInterval = "must be greater than 0 and less than 1";

    public static RiskOptions ReadRisk(EnvironmentReader reader, Func<string, bool> fileExists)
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
        options.MaxVarFraction = reader.GetDouble(AriaVariables.RiskMaxVar, options.MaxVarFraction,
            v => v is > 0 and <= 1, "must be a fraction of equity greater than 0 and at most 1");
        options.MaxDailyLoss = OptionalFraction(reader, AriaVariables.RiskMaxDailyLoss);
        options.MaxDrawdown = OptionalFraction(reader, AriaVariables.RiskMaxDrawdown);
        options.AccountCapital = reader.GetDecimal(AriaVariables.AccountCapital, options.AccountCapital,
            v => v is > 0m and <= 1_000_000_000_000m, "must be an amount greater than 0");
        options.SeedFile = reader.GetRaw(AriaVariables.RiskSeedFile) is { } seed && !fileExists(seed)
            ? Fail(reader, AriaVariables.RiskSeedFile, seed, "no such file")
            : reader.GetRaw(AriaVariables.RiskSeedFile);
        options.EndOfDay = reader.GetRaw(AriaVariables.RiskEndOfDay) is { } eod
            ? TimeOnly.TryParseExact(eod, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time)
                ? time
                : FailTime(reader, eod)
            : options.EndOfDay;
        return options;
    }

    // Unset is off; set, a loss limit is a fraction of equity.
    private static double? OptionalFraction(EnvironmentReader reader, string name) =>
        reader.GetRaw(name) is null
            ? null
            : reader.GetDouble(name, 0.0, v => v is > 0 and < 1, "must be a fraction of equity greater than 0 and less than 1 (leave it unset for no limit)");

    private static string? Fail(EnvironmentReader reader, string name, string raw, string problem)
    {
        reader.AddValueError(name, raw, problem);
        return null;
    }

    private static TimeOnly FailTime(EnvironmentReader reader, string raw)
    {
        reader.AddValueError(AriaVariables.RiskEndOfDay, raw, "must be a UTC time of day as HH:mm, e.g. 21:00");
        return default;
    }

    public static ModelHealthOptions ReadModelHealth(EnvironmentReader reader, Func<string, bool> directoryExists)
    {
        var options = new ModelHealthOptions();
        options.CircuitBreakerThreshold = reader.GetDouble(AriaVariables.AiCircuitBreakerThreshold, options.CircuitBreakerThreshold,
            v => v is >= 0 and <= 1, "must be a success rate from 0 to 1");
        options.PerformanceWindow = reader.GetInt(AriaVariables.AiPerformanceWindow, options.PerformanceWindow,
            v => v >= 1, "must be a whole number of at least 1");
        options.ModelTimeout = reader.GetPositiveSeconds(AriaVariables.AiModelTimeout, options.ModelTimeout);
        options.ModelCooldown = reader.GetPositiveSeconds(AriaVariables.AiModelCooldown, options.ModelCooldown);
        options.ModelsDirectory = reader.GetRaw(AriaVariables.ModelsDirectory) is { } directory && !directoryExists(directory)
            ? Fail(reader, AriaVariables.ModelsDirectory, directory, "no such folder")
            : reader.GetRaw(AriaVariables.ModelsDirectory);
        return options;
    }
}
