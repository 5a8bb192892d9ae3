using System.Text.Json;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Core.Monitoring.Series;

namespace AriaPro.Core.Monitoring.Rules;

/// <summary>alerts.json to <see cref="AlertRules"/>; the format is documented on <see cref="AlertRules"/>.</summary>
internal static class AlertRulesParser
{
    private const int DefaultMinSamples = 30;
    private static readonly TimeSpan DefaultCooldown = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan DefaultHold = TimeSpan.FromMinutes(1);

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static AlertRules Parse(string json)
    {
        using var document = JsonDocument.Parse(json, Options);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new AlertRulesFormatException("alert rules must be a JSON object with \"rules\" and \"anomalies\" arrays");
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var rules = Each(root, "rules", "rule", ids, ReadThreshold);
        var anomalies = Each(root, "anomalies", "anomaly", ids, ReadAnomaly);
        return new AlertRules(rules, anomalies);
    }

    private static List<T> Each<T>(JsonElement root, string array, string kind, Dictionary<string, string> ids, Func<RuleReader, string, T> read)
    {
        var list = new List<T>();
        if (!root.TryGetProperty(array, out var items) || items.ValueKind == JsonValueKind.Null)
        {
            return list;
        }

        if (items.ValueKind != JsonValueKind.Array)
        {
            throw new AlertRulesFormatException($"\"{array}\" must be an array");
        }

        var position = 0;
        foreach (var item in items.EnumerateArray())
        {
            position++;
            var where = $"{kind} {position}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new AlertRulesFormatException($"{where}: must be an object");
            }

            var id = item.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
            var reader = new RuleReader(item, string.IsNullOrWhiteSpace(id) ? where : $"{where} (\"{id}\")");
            id = reader.String("id", required: true)!;
            if (ids.TryGetValue(id, out var first))
            {
                throw reader.Error("id", $"duplicates {first}");
            }

            ids[id] = where;
            list.Add(read(reader, id));
        }

        return list;
    }

    private static ThresholdRule ReadThreshold(RuleReader reader, string id)
    {
        var aggregation = reader.Choice("aggregation", RuleReader.Aggregations, Aggregation.Last);
        var window = reader.Duration("window", TimeSpan.Zero);
        if (window == TimeSpan.Zero && aggregation != Aggregation.Last)
        {
            throw reader.Error("window", $"must be positive with aggregation \"{aggregation.ToString().ToLowerInvariant()}\"");
        }

        return new ThresholdRule(
            id,
            reader.String("summary") ?? id,
            reader.String("metric", required: true)!,
            reader.Labels(),
            aggregation,
            window,
            reader.Choice<Comparison>("comparison", RuleReader.Comparisons),
            reader.Number("threshold", required: true)!.Value,
            reader.Duration("for", TimeSpan.Zero),
            reader.Choice("severity", RuleReader.Severities, AlertSeverity.Warning),
            reader.Duration("cooldown", DefaultCooldown));
    }

    private static AnomalyRule ReadAnomaly(RuleReader reader, string id)
    {
        var summary = reader.String("summary") ?? id;
        var metric = reader.String("metric", required: true)!;
        var labels = reader.Labels();
        var aggregation = reader.Choice("aggregation", RuleReader.Aggregations, Aggregation.Avg);
        var interval = reader.Duration("interval", TimeSpan.FromSeconds(1));
        if (interval < TimeSpan.FromSeconds(1) || interval.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw reader.Error("interval", "must be a whole number of seconds, at least 1s");
        }

        var detector = reader.Choice<DetectorKind>("detector", RuleReader.Detectors);
        var window = 0;
        var alpha = 0.0;
        int minSamples;
        if (detector == DetectorKind.Ewma)
        {
            alpha = reader.Number("alpha", required: true)!.Value;
            if (!(alpha > 0 && alpha <= 1))
            {
                throw reader.Error("alpha", "must be in (0, 1]");
            }

            minSamples = reader.Integer("minSamples", 2) ?? DefaultMinSamples;
        }
        else
        {
            var smallest = detector == DetectorKind.Mad ? 3 : 2;
            window = reader.Integer("window", smallest, required: true)!.Value;
            minSamples = reader.Integer("minSamples", smallest) ?? Math.Min(DefaultMinSamples, window);
            if (minSamples > window)
            {
                throw reader.Error("minSamples", $"must not exceed \"window\" ({window})");
            }
        }

        var threshold = reader.Number("threshold", required: true)!.Value;
        if (threshold <= 0)
        {
            throw reader.Error("threshold", "must be positive");
        }

        var minDeviation = reader.Number("minDeviation") ?? 0;
        if (minDeviation < 0)
        {
            throw reader.Error("minDeviation", "must not be negative");
        }

        return new AnomalyRule(
            id,
            summary,
            metric,
            labels,
            aggregation,
            interval,
            detector,
            window,
            alpha,
            threshold,
            minSamples,
            minDeviation,
            reader.Duration("hold", DefaultHold),
            reader.Choice("severity", RuleReader.Severities, AlertSeverity.Warning),
            reader.Duration("cooldown", DefaultCooldown));
    }
}
