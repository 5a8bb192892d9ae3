namespace AriaPro.Silo.Tests.Hosting;

/// <summary>Finds the project's shared test data (../shared/data next to the checkout).</summary>
public static class SharedData
{
    /// <summary>The full path of a shared data file, or null when no shared/data folder is found above the tests.</summary>
    public static string? Find(string fileName)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
