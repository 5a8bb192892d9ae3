namespace AriaPro.Silo.Tests.Hosting;

/// <summary>The checkout the tests run from.</summary>
public static class Repository
{
    /// <summary>The folder holding AriaPro.sln, above the test output directory.</summary>
    public static string Root { get; } = Find();

    /// <summary>A path under the root, from its segments.</summary>
    public static string PathOf(params string[] segments) => Path.Combine([Root, .. segments]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AriaPro.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AriaPro.sln not found above the test output directory.");
    }
}
