namespace AriaPro.ModelTrainer;

/// <summary>Finds the repository root: the nearest folder up holding AriaPro.sln.</summary>
public static class RepoRoot
{
    /// <summary>The root above <paramref name="start"/>, or <paramref name="start"/> itself when there is none.</summary>
    public static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AriaPro.sln")))
            {
                return dir.FullName;
            }
        }

        return start;
    }
}
