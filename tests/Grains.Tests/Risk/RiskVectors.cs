namespace AriaPro.Grains.Tests.Risk;

/// <summary>Return series shared by the risk tests; reference_metrics.py holds the same ones.</summary>
internal static class RiskVectors
{
    /// <summary>Twenty daily-sized returns with gains, losses and a zero.</summary>
    public static readonly double[] Typical =
    [
        0.012, -0.008, 0.005, -0.021, 0.017, 0.003, -0.004, 0.009, -0.015, 0.011,
        0.0, -0.002, 0.014, -0.011, 0.006, 0.008, -0.019, 0.022, -0.003, 0.004,
    ];

    /// <summary>21 returns (h = 20 q) whose 5% quantile falls exactly on three tied -0.02.</summary>
    public static readonly double[] Ties =
    [
        -0.03, -0.02, -0.02, -0.02, 0.01, 0.015, 0.005, 0.0, 0.012, -0.004, 0.007,
        0.003, 0.02, -0.001, 0.009, 0.004, 0.011, -0.006, 0.002, 0.006, 0.001,
    ];

    /// <summary>0.01 sin(0.7 i) + 0.0002 for i in [0, 2000): longer than the stack buffer.</summary>
    public static double[] LongSine()
    {
        var returns = new double[2000];
        for (var i = 0; i < returns.Length; i++)
        {
            returns[i] = 0.01 * Math.Sin(0.7 * i) + 0.0002;
        }

        return returns;
    }
}
