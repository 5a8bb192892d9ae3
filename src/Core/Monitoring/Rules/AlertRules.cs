using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace AriaPro.Core.Monitoring.Rules;

/// <summary>
/// The threshold and anomaly rules of the alert evaluator, as read from alerts.json.
/// </summary>
/// <remarks>
/// <para>The file is one object with two optional arrays, <c>rules</c> and <c>anomalies</c>:</para>
/// <code>
/// {
///   "rules": [
///     { "id": "trader-breaker-open", "summary": "Circuit breaker open: {name}",
///       "metric": "aria.circuit_breaker.state", "labels": { "source": "trader" },
///       "aggregation": "last", "window": "0s", "comparison": "&gt;=", "threshold": 2,
///       "for": "0s", "severity": "critical", "cooldown": "5m" }
///   ],
///   "anomalies": [
///     { "id": "order-latency-anomaly", "summary": "Order latency unusual on {symbol}",
///       "metric": "aria.order.latency", "aggregation": "avg", "interval": "1s",
///       "detector": "mad", "window": 120, "threshold": 6, "minSamples": 30,
///       "minDeviation": 0.05, "hold": "1m", "severity": "warning", "cooldown": "10m" }
///   ]
/// }
/// </code>
/// <para>
/// Both kinds: <c>id</c> (required, unique across both arrays), <c>summary</c> (default: the id;
/// <c>{label}</c> placeholders are filled from the series' labels), <c>metric</c> (required),
/// <c>labels</c> (object of strings a series must carry, default none), <c>severity</c>
/// (<c>info</c>, <c>warning</c> or <c>critical</c>; default warning), <c>cooldown</c> (default 5m).
/// </para>
/// <para>
/// Threshold rules: <c>aggregation</c> (<c>last</c>, <c>avg</c>, <c>min</c>, <c>max</c>,
/// <c>sum</c>, <c>count</c>, <c>rate</c> per second; default last), <c>window</c> (default 0s,
/// meaning the latest value, allowed only with last), <c>comparison</c> (<c>&gt;</c>,
/// <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>; required), <c>threshold</c> (required), <c>for</c>
/// (how long the comparison must hold; default 0s).
/// </para>
/// <para>
/// Anomaly rules: <c>aggregation</c> (default avg) of each complete <c>interval</c> (default 1s)
/// is fed to the <c>detector</c> (required: <c>zscore</c> or <c>mad</c> with <c>window</c>, the
/// number of values in the baseline, or <c>ewma</c> with <c>alpha</c> in (0, 1]);
/// <c>threshold</c> (required, positive: band half-width in standard deviations),
/// <c>minSamples</c> (default 30, at most the window), <c>minDeviation</c> (default 0, in the
/// metric's unit), <c>hold</c> (default 1m: how long an anomaly stays reported).
/// </para>
/// <para>
/// Durations are a number and a unit: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>1d</c>.
/// Unknown fields are ignored (so a file may carry notes); bad values are not.
/// </para>
/// </remarks>
public sealed class AlertRules
{
    /// <summary>Name of the embedded copy of deploy/alerts.json.</summary>
    public const string DefaultsResource = "AriaPro.alerts.json";

    private static readonly Lazy<AlertRules> LazyDefaults = new(LoadDefaults);

    /// <summary>Creates a rule set.</summary>
    public AlertRules(IReadOnlyList<ThresholdRule> rules, IReadOnlyList<AnomalyRule> anomalies)
    {
        Rules = rules;
        Anomalies = anomalies;
    }

    /// <summary>The threshold rules.</summary>
    public IReadOnlyList<ThresholdRule> Rules { get; }

    /// <summary>The anomaly rules.</summary>
    public IReadOnlyList<AnomalyRule> Anomalies { get; }

    /// <summary>No rules at all.</summary>
    public static AlertRules Empty { get; } = new([], []);

    /// <summary>The rules shipped in deploy/alerts.json (embedded in the silo as <see cref="DefaultsResource"/>).</summary>
    public static AlertRules Defaults => LazyDefaults.Value;

    /// <summary>
    /// Parses alerts.json. On failure <paramref name="error"/> is one line naming the rule (by
    /// kind, position from 1 and id) and the field, e.g.
    /// <c>rule 3 ("x"): "threshold" must be a finite number</c>; empty on success.
    /// </summary>
    public static bool TryParse(string json, [NotNullWhen(true)] out AlertRules? rules, out string error)
    {
        try
        {
            rules = AlertRulesParser.Parse(json);
            error = string.Empty;
            return true;
        }
        catch (AlertRulesFormatException e)
        {
            rules = null;
            error = e.Message;
            return false;
        }
        catch (JsonException e)
        {
            rules = null;
            error = $"alert rules are not valid JSON: {e.Message.ReplaceLineEndings(" ")}";
            return false;
        }
    }

    private static AlertRules LoadDefaults()
    {
        using var stream = typeof(AlertRules).Assembly.GetManifestResourceStream(DefaultsResource)
            ?? throw new InvalidOperationException($"The silo lacks its embedded {DefaultsResource}.");
        using var reader = new StreamReader(stream);
        return TryParse(reader.ReadToEnd(), out var rules, out var error)
            ? rules
            : throw new InvalidOperationException($"The shipped {DefaultsResource} is invalid: {error}");
    }
}
