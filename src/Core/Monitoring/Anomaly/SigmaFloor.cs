namespace AriaPro.Core.Monitoring.Anomaly;

/// <summary>
/// The smallest spread a detector believes in. A perfectly flat baseline has zero spread, which
/// would make a band of zero width: then every different value is anomalous, as it should be, but
/// so would be the last-bit rounding noise of a computed metric. The floor, one part in a billion
/// of the centre (at least 1e-9), keeps rounding noise normal and any real change anomalous.
/// </summary>
internal static class SigmaFloor
{
    public const double Relative = 1e-9;

    public static double Apply(double sigma, double centre) => Math.Max(sigma, Relative * Math.Max(1.0, Math.Abs(centre)));
}
