using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Core.Monitoring.Rules;
using AriaPro.Core.Monitoring.Series;

namespace AriaPro.Core.Tests.Monitoring;

[Trait("Category", "Unit")]
public sealed class AlertRulesTests
{
    private const string GoodRule = """{ "id": "x", "metric": "m", "aggregation": "avg", "window": "1m", "comparison": ">", "threshold": 1 }""";

    [Fact]
    public void Defaults_ShippedFile_ParsesWithEveryRule()
    {
        var rules = AlertRules.Defaults;

        Assert.Equal(13, rules.Rules.Count);
        Assert.Equal(2, rules.Anomalies.Count);
        var breaker = rules.Rules.Single(r => r.Id == "trader-breaker-open");
        Assert.Equal("aria.circuit_breaker.state", breaker.Metric);
        Assert.Equal("trader", breaker.Labels["source"]);
        Assert.Equal(AlertSeverity.Critical, breaker.Severity);
        Assert.Equal(Comparison.AtOrAbove, breaker.Comparison);
        Assert.Equal(2.0, breaker.Threshold);
        var disk = rules.Rules.Single(r => r.Metric == "aria.disk.free");
        Assert.Equal(Comparison.Below, disk.Comparison);
        Assert.Equal(TimeSpan.FromMinutes(1), disk.For);
        var latency = rules.Anomalies.Single(r => r.Id == "order-latency-anomaly");
        Assert.Equal(DetectorKind.Mad, latency.Detector);
        Assert.Equal(120, latency.Window);
    }

    [Fact]
    public void TryParse_FullRules_ReadsEveryFieldAndIgnoresUnknownOnes()
    {
        const string json = """
            {
              // comments and unknown fields are allowed
              "note": "ops",
              "rules": [
                { "id": "denied", "summary": "Denied on {symbol}", "metric": "aria.orders.denied", "labels": { "symbol": "EURUSD" },
                  "aggregation": "rate", "window": "1m", "comparison": ">", "threshold": 1, "for": "30s",
                  "severity": "critical", "cooldown": "500ms", "owner": "desk" },
              ],
              "anomalies": [
                { "id": "lat", "metric": "aria.order.latency", "detector": "ewma", "alpha": 0.2, "threshold": 4, "interval": "10s" }
              ]
            }
            """;

        Assert.True(AlertRules.TryParse(json, out var rules, out var error), error);

        var rule = Assert.Single(rules.Rules);
        Assert.Equal(
            new ThresholdRule("denied", "Denied on {symbol}", "aria.orders.denied", rule.Labels, Aggregation.Rate, TimeSpan.FromMinutes(1),
                Comparison.Above, 1, TimeSpan.FromSeconds(30), AlertSeverity.Critical, TimeSpan.FromMilliseconds(500)),
            rule);
        Assert.Equal("EURUSD", rule.Labels["symbol"]);
        var anomaly = Assert.Single(rules.Anomalies);
        Assert.Equal(
            new AnomalyRule("lat", "lat", "aria.order.latency", anomaly.Labels, Aggregation.Avg, TimeSpan.FromSeconds(10), DetectorKind.Ewma,
                0, 0.2, 4, 30, 0, TimeSpan.FromMinutes(1), AlertSeverity.Warning, TimeSpan.FromMinutes(5)),
            anomaly);
        Assert.Equal("ewma", anomaly.CreateDetector().Name);
    }

    [Theory]
    [InlineData("""{ "id": "x", "metric": "m", "comparison": ">", "threshold": "high" }""", """rule 2 ("x"): "threshold" must be a finite number""")]
    [InlineData("""{ "id": "x", "metric": "m", "comparison": ">" }""", """rule 2 ("x"): "threshold" is required""")]
    [InlineData("""{ "id": "x", "comparison": ">", "threshold": 1 }""", """rule 2 ("x"): "metric" is required""")]
    [InlineData("""{ "metric": "m", "comparison": ">", "threshold": 1 }""", """rule 2: "id" is required""")]
    [InlineData("""{ "id": "x", "metric": "m", "comparison": "=>", "threshold": 1 }""", """rule 2 ("x"): "comparison" must be one of >, >=, <, <=""")]
    [InlineData("""{ "id": "x", "metric": "m", "aggregation": "median", "window": "1m", "comparison": ">", "threshold": 1 }""", """rule 2 ("x"): "aggregation" must be one of last, avg, min, max, sum, count, rate""")]
    [InlineData("""{ "id": "x", "metric": "m", "comparison": ">", "threshold": 1, "severity": "fatal" }""", """rule 2 ("x"): "severity" must be one of info, warning, critical""")]
    [InlineData("""{ "id": "x", "metric": "m", "comparison": ">", "threshold": 1, "for": "30 seconds" }""", "rule 2 (\"x\"): \"for\" must be a duration such as \"500ms\", \"30s\", \"5m\" or \"1h\"")]
    [InlineData("""{ "id": "x", "metric": "m", "aggregation": "max", "window": 60, "comparison": ">", "threshold": 1 }""", "rule 2 (\"x\"): \"window\" must be a duration such as \"500ms\", \"30s\", \"5m\" or \"1h\"")]
    [InlineData("""{ "id": "x", "metric": "m", "aggregation": "max", "window": "-1m", "comparison": ">", "threshold": 1 }""", """rule 2 ("x"): "window" must not be negative""")]
    [InlineData("""{ "id": "x", "metric": "m", "aggregation": "rate", "window": "0s", "comparison": ">", "threshold": 1 }""", "rule 2 (\"x\"): \"window\" must be positive with aggregation \"rate\"")]
    [InlineData("""{ "id": "x", "metric": "m", "comparison": ">", "threshold": 1, "labels": { "symbol": 3 } }""", """rule 2 ("x"): "labels" must be an object of strings""")]
    [InlineData("""{ "id": "first", "metric": "m", "comparison": ">", "threshold": 1 }""", """rule 2 ("first"): "id" duplicates rule 1""")]
    public void TryParse_BadRule_NamesTheRuleAndTheField(string second, string expected)
    {
        var json = $$"""{ "rules": [ { "id": "first", "metric": "m", "comparison": ">", "threshold": 1 }, {{second}} ] }""";

        Assert.False(AlertRules.TryParse(json, out var rules, out var error));

        Assert.Null(rules);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("""{ "id": "a", "metric": "m", "detector": "prophet", "threshold": 3 }""", """anomaly 1 ("a"): "detector" must be one of zscore, ewma, mad""")]
    [InlineData("""{ "id": "a", "metric": "m", "detector": "mad", "window": -5, "threshold": 3 }""", """anomaly 1 ("a"): "window" must be a whole number of at least 3""")]
    [InlineData("""{ "id": "a", "metric": "m", "detector": "zscore", "window": 20, "minSamples": 40, "threshold": 3 }""", """anomaly 1 ("a"): "minSamples" must not exceed "window" (20)""")]
    [InlineData("""{ "id": "a", "metric": "m", "detector": "ewma", "alpha": 1.5, "threshold": 3 }""", """anomaly 1 ("a"): "alpha" must be in (0, 1]""")]
    [InlineData("""{ "id": "a", "metric": "m", "detector": "ewma", "alpha": 0.1, "threshold": 0 }""", """anomaly 1 ("a"): "threshold" must be positive""")]
    [InlineData("""{ "id": "a", "metric": "m", "detector": "ewma", "alpha": 0.1, "threshold": 3, "interval": "500ms" }""", """anomaly 1 ("a"): "interval" must be a whole number of seconds, at least 1s""")]
    [InlineData("""{ "id": "r", "metric": "m", "detector": "ewma", "alpha": 0.1, "threshold": 3 }""", """anomaly 1 ("r"): "id" duplicates rule 1""")]
    public void TryParse_BadAnomaly_NamesTheRuleAndTheField(string anomaly, string expected)
    {
        var json = $$"""{ "rules": [ { "id": "r", "metric": "m", "comparison": ">", "threshold": 1 } ], "anomalies": [ {{anomaly}} ] }""";

        Assert.False(AlertRules.TryParse(json, out _, out var error));

        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("not json", "alert rules are not valid JSON")]
    [InlineData("[]", "alert rules must be a JSON object")]
    [InlineData("""{ "rules": {} }""", "\"rules\" must be an array")]
    public void TryParse_BadDocument_SaysWhatIsWrongOnOneLine(string json, string expectedStart)
    {
        Assert.False(AlertRules.TryParse(json, out _, out var error));

        Assert.StartsWith(expectedStart, error);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void TryParse_GoodRuleAlone_Parses()
    {
        Assert.True(AlertRules.TryParse($$"""{ "rules": [ {{GoodRule}} ] }""", out var rules, out _));

        Assert.Equal(TimeSpan.FromMinutes(1), Assert.Single(rules.Rules).Window);
    }
}
