namespace AriaPro.Models.Tests;

/// <summary>Files the tests read in place from the repository (the shipped models are not copied to the output).</summary>
public static class RepoFiles
{
    /// <summary>The real EURUSD daily bars, shared beside the repository; tests skip when absent.</summary>
    public const string EurusdCsvRelative = "../shared/data/eurusd-daily-2005-2018.csv";

    /// <summary>The repository root: the nearest folder above the test binaries holding AriaPro.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shipped models folder.</summary>
    public static string ModelsDirectory => Path.Combine(Root, "models");

    /// <summary>The shipped direction model's sidecar.</summary>
    public static string DirectionSidecar => Path.Combine(ModelsDirectory, "eurusd-direction.json");

    /// <summary>The ML.NET model the ONNX file was exported from.</summary>
    public static string DirectionMlNet => Path.Combine(ModelsDirectory, "eurusd-direction.mlnet.zip");

    /// <summary>Full path of the EURUSD file.</summary>
    public static string EurusdCsv => Path.GetFullPath(Path.Combine(Root, EurusdCsvRelative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AriaPro.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' holds AriaPro.sln.");
    }
}
