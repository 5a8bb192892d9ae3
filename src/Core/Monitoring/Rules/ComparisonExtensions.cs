namespace AriaPro.Core.Monitoring.Rules;

/// <summary>Evaluation and spelling of <see cref="Comparison"/>.</summary>
public static class ComparisonExtensions
{
    /// <summary>Whether <paramref name="value"/> compared with <paramref name="threshold"/> holds; NaN never does.</summary>
    public static bool Holds(this Comparison comparison, double value, double threshold) => comparison switch
    {
        Comparison.Above => value > threshold,
        Comparison.AtOrAbove => value >= threshold,
        Comparison.Below => value < threshold,
        _ => value <= threshold,
    };

    /// <summary>The operator as written in alerts.json, e.g. <c>&gt;=</c>.</summary>
    public static string Symbol(this Comparison comparison) => comparison switch
    {
        Comparison.Above => ">",
        Comparison.AtOrAbove => ">=",
        Comparison.Below => "<",
        _ => "<=",
    };
}
