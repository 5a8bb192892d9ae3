using System.Text.Json;
using AriaPro.Grains.Risk;

namespace AriaPro.Silo.Http;

/// <summary>Turns a POST /trading/risk/analyze body into returns and conventions, or field errors.</summary>
internal static class AnalyzeRequestParser
{
    /// <summary>Most returns one request may analyze.</summary>
    public const int MaxReturns = 100_000;

    public static (double[]? Returns, RiskParameters? Parameters, Dictionary<string, string[]> Errors) Parse(JsonElement root, RiskParameters defaults)
    {
        var fields = new JsonFields(root);
        var returns = Returns(root, fields.Errors);
        var riskFree = Finite(fields, "riskFreeRate", defaults.RiskFreeRate, _ => true, "");
        var required = Finite(fields, "requiredReturn", defaults.RequiredReturn, _ => true, "");
        var periods = Finite(fields, "periodsPerYear", defaults.PeriodsPerYear, p => p is >= 1 and <= 100_000 && p == Math.Floor(p), "periodsPerYear must be a whole number from 1 to 100000");
        var varConfidence = Finite(fields, "varConfidence", defaults.VarConfidence, c => c is > 0 and < 1, "varConfidence must be greater than 0 and less than 1");
        var cvarConfidence = Finite(fields, "cvarConfidence", defaults.CvarConfidence, c => c is > 0 and < 1, "cvarConfidence must be greater than 0 and less than 1");
        return fields.Errors.Count > 0
            ? (null, null, fields.Errors)
            : (returns, new RiskParameters(riskFree, required, (int)periods, varConfidence, cvarConfidence), fields.Errors);
    }

    private static double[]? Returns(JsonElement root, Dictionary<string, string[]> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["the body must be a JSON object"];
            return null;
        }

        if (!root.TryGetProperty("returns", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            errors["returns"] = ["returns is required: an array of per-period returns as numbers, e.g. [0.01, -0.02]"];
            return null;
        }

        if (array.GetArrayLength() > MaxReturns)
        {
            errors["returns"] = [$"returns has {array.GetArrayLength()} values; at most {MaxReturns} are analyzed in one request"];
            return null;
        }

        var values = new double[array.GetArrayLength()];
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            // null is a missing observation and is dropped like NaN; anything else must be a finite number.
            if (item.ValueKind == JsonValueKind.Null)
            {
                values[index++] = double.NaN;
            }
            else if (item.ValueKind == JsonValueKind.Number && item.TryGetDouble(out var value) && double.IsFinite(value))
            {
                values[index++] = value;
            }
            else
            {
                errors[$"returns[{index}]"] = [$"returns[{index}] must be a finite number (or null for a missing value), not {item.GetRawText()}"];
                return null;
            }
        }

        return values;
    }

    private static double Finite(JsonFields fields, string name, double fallback, Func<double, bool> isValid, string requirement)
    {
        var value = fields.Double(name, required: false);
        if (value is null)
        {
            return fallback;
        }

        if (!isValid(value.Value))
        {
            fields.Errors[name] = [requirement];
        }

        return value.Value;
    }
}
