namespace AriaPro.Silo.Tests.Hosting;

/// <summary>Where tests keep what people look at (screenshots): $ARIA_TEST_ARTIFACTS (test.sh sets it), else next to the test assembly.</summary>
public static class TestArtifacts
{
    /// <summary>The folder, created when missing.</summary>
    public static string Directory()
    {
        var directory = Environment.GetEnvironmentVariable("ARIA_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "artifacts");
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }
}
