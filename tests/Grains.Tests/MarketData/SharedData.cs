namespace AriaPro.Grains.Tests.MarketData;

/// <summary>Finds the read-only <c>shared/data</c> folder that sits next to the repository clone.</summary>
internal static class SharedData
{
    public const string EurUsdDailyFile = "eurusd-daily-2005-2018.csv";

    /// <summary>Full path of <paramref name="file"/> in shared/data, or null when the folder is absent.</summary>
    public static string? Find(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return Path.Combine(candidate, file);
            }
        }

        return null;
    }
}
