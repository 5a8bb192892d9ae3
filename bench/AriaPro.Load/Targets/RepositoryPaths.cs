namespace AriaPro.Load.Targets;

/// <summary>Paths inside the repository this generator was built from.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding AriaPro.sln, found upwards from the generator's binaries.</summary>
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AriaPro.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName
                ?? throw new InvalidOperationException($"AriaPro.sln was not found above {AppContext.BaseDirectory}; run the generator from its build output in the repository.");
        }
    }

    /// <summary>The shipped signal models.</summary>
    public static string Models => Path.Combine(Root, "models");

    /// <summary>The silo's entry assembly, built in the same configuration as the generator (it is a project reference).</summary>
    public static string SiloAssembly
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = output.Name;
            var configuration = output.Parent!.Name;
            return Path.Combine(Root, "src", "Silo", "bin", configuration, framework, "AriaPro.Silo.dll");
        }
    }
}
