using System.Text.Json;
using AriaPro.Client.Http;

namespace AriaPro.Cli.Connection;

/// <summary>
/// The login file, <c>login.json</c> in the config folder. It holds a bearer token, so on Unix the
/// folder is created 0700 and the file 0600, and the file is replaced whole (written aside, then
/// renamed) so a reader never sees half of it.
/// </summary>
internal sealed class LoginStore(string directory)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode DirectoryMode = OwnerOnly | UnixFileMode.UserExecute;

    /// <summary>The file's path.</summary>
    public string Path { get; } = System.IO.Path.Combine(directory, "login.json");

    /// <summary>The stored login, or null when there is none.</summary>
    public StoredLogin? Load()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StoredLogin>(File.ReadAllText(Path), AriaJson.Options)
                ?? throw new JsonException("the file holds null");
        }
        catch (JsonException unreadable)
        {
            throw new CliException(ExitCodes.NotAuthenticated, $"the stored login {Path} cannot be read ({unreadable.Message}); run aria login");
        }
    }

    /// <summary>Replaces the stored login.</summary>
    public void Save(StoredLogin login)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, DirectoryMode);
        }

        var aside = Path + ".tmp";
        File.Delete(aside);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var stream = new FileStream(aside, options))
        {
            JsonSerializer.Serialize(stream, login, AriaJson.Indented);
        }

        File.Move(aside, Path, overwrite: true);
    }

    /// <summary>Removes the stored login; false when there was none.</summary>
    public bool Delete()
    {
        if (!File.Exists(Path))
        {
            return false;
        }

        File.Delete(Path);
        return true;
    }
}
