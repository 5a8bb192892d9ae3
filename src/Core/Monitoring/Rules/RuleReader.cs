using System.Collections.Immutable;
using System.Text.Json;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Core.Monitoring.Series;

namespace AriaPro.Core.Monitoring.Rules;

/// <summary>Reads the fields of one rule object; every bad value throws an <see cref="AlertRulesFormatException"/> naming the rule and the field.</summary>
internal sealed class RuleReader(JsonElement rule, string where)
{
    public string Where { get; } = where;

    public AlertRulesFormatException Error(string field, string problem) => new($"{Where}: \"{field}\" {problem}");

    public string? String(string field, bool required = false)
    {
        if (!rule.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw Error(field, "is required") : null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw Error(field, "must be a non-empty string");
        }

        return value.GetString()!;
    }

    public double? Number(string field, bool required = false)
    {
        if (!rule.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw Error(field, "is required") : null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            throw Error(field, "must be a finite number");
        }

        return number;
    }

    public int? Integer(string field, int minimum, bool required = false)
    {
        if (!rule.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw Error(field, "is required") : null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < minimum)
        {
            throw Error(field, $"must be a whole number of at least {minimum}");
        }

        return number;
    }

    public TimeSpan Duration(string field, TimeSpan fallback)
    {
        if (!rule.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.String || !Durations.TryParse(value.GetString()!, out var duration))
        {
            throw Error(field, "must be a duration such as \"500ms\", \"30s\", \"5m\" or \"1h\"");
        }

        return duration < TimeSpan.Zero ? throw Error(field, "must not be negative") : duration;
    }

    public T Choice<T>(string field, IReadOnlyDictionary<string, T> choices, T? fallback = null)
        where T : struct
    {
        var text = String(field, required: fallback is null);
        if (text is null)
        {
            return fallback!.Value;
        }

        return choices.TryGetValue(text.ToLowerInvariant(), out var choice)
            ? choice
            : throw Error(field, $"must be one of {string.Join(", ", choices.Keys)}");
    }

    public ImmutableDictionary<string, string> Labels()
    {
        if (!rule.TryGetProperty("labels", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Error("labels", "must be an object of strings");
        }

        var labels = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var label in value.EnumerateObject())
        {
            if (label.Value.ValueKind != JsonValueKind.String)
            {
                throw Error("labels", "must be an object of strings");
            }

            labels[label.Name] = label.Value.GetString()!;
        }

        return labels.ToImmutable();
    }

    public static readonly IReadOnlyDictionary<string, Aggregation> Aggregations = new Dictionary<string, Aggregation>
    {
        ["last"] = Aggregation.Last,
        ["avg"] = Aggregation.Avg,
        ["min"] = Aggregation.Min,
        ["max"] = Aggregation.Max,
        ["sum"] = Aggregation.Sum,
        ["count"] = Aggregation.Count,
        ["rate"] = Aggregation.Rate,
    };

    public static readonly IReadOnlyDictionary<string, Comparison> Comparisons = new Dictionary<string, Comparison>
    {
        [">"] = Comparison.Above,
        [">="] = Comparison.AtOrAbove,
        ["<"] = Comparison.Below,
        ["<="] = Comparison.AtOrBelow,
    };

    public static readonly IReadOnlyDictionary<string, AlertSeverity> Severities = new Dictionary<string, AlertSeverity>
    {
        ["info"] = AlertSeverity.Info,
        ["warning"] = AlertSeverity.Warning,
        ["critical"] = AlertSeverity.Critical,
    };

    public static readonly IReadOnlyDictionary<string, DetectorKind> Detectors = new Dictionary<string, DetectorKind>
    {
        ["zscore"] = DetectorKind.ZScore,
        ["ewma"] = DetectorKind.Ewma,
        ["mad"] = DetectorKind.Mad,
    };
}
