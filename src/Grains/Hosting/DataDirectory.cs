namespace AriaPro.Grains.Hosting;

/// <summary>
/// The folder the embedded mode keeps its durable state in: the configured one if given (the
/// <c>ARIA_DATA_DIR</c> setting), else <c>$XDG_DATA_HOME/ariapro</c>, else <c>~/.local/share/ariapro</c>.
/// One AriaPro process at a time may use it: see <see cref="Lock"/>.
/// </summary>
public sealed class DataDirectory
{
    /// <summary>The setting that names the folder.</summary>
    public const string Variable = "ARIA_DATA_DIR";

    /// <summary>The folder's name under the XDG data home.</summary>
    public const string FolderName = "ariapro";

    private DataDirectory(string fullPath) => FullPath = fullPath;

    /// <summary>The folder's absolute path; it exists.</summary>
    public string FullPath { get; }

    /// <summary>The SQLite database in the folder.</summary>
    public string DatabasePath => Path.Combine(FullPath, SqliteStorageOptions.DefaultFileName);

    /// <summary>Resolves the folder from <paramref name="configured"/> and this process's environment, and creates it.</summary>
    public static DataDirectory Resolve(string? configured) => Resolve(configured, Environment.GetEnvironmentVariable);

    /// <summary>
    /// Resolves the folder from <paramref name="configured"/>, else from <c>XDG_DATA_HOME</c> or
    /// <c>HOME</c> as <paramref name="environment"/> reads them, and creates it. A relative
    /// <c>XDG_DATA_HOME</c> is ignored, as the XDG specification asks.
    /// </summary>
    public static DataDirectory Resolve(string? configured, Func<string, string?> environment)
    {
        var path = !string.IsNullOrWhiteSpace(configured) ? Path.GetFullPath(configured)
            : environment("XDG_DATA_HOME") is { Length: > 0 } xdg && Path.IsPathFullyQualified(xdg) ? Path.Combine(xdg, FolderName)
            : environment("HOME") is { Length: > 0 } home ? Path.Combine(home, ".local", "share", FolderName)
            : throw new InvalidOperationException($"no folder for the embedded mode's data: neither {Variable}, XDG_DATA_HOME nor HOME is set; set {Variable}");
        Directory.CreateDirectory(path);
        return new DataDirectory(path);
    }

    /// <summary>Takes the folder for this process, or fails naming the process that holds it; see <see cref="DataDirectoryLock"/>.</summary>
    public DataDirectoryLock Lock() => DataDirectoryLock.Acquire(FullPath);
}
