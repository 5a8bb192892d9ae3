namespace AriaPro.Core.Tests.Monitoring;

/// <summary>Deterministic normal noise: Box-Muller over a seeded Random.</summary>
internal static class Gaussian
{
    public static double[] Series(int seed, int count, double mean, double sigma)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var u = 1.0 - random.NextDouble();
            var v = random.NextDouble();
            values[i] = mean + sigma * Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
        }

        return values;
    }
}
