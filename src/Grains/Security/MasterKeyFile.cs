using System.Security.Cryptography;

namespace AriaPro.Grains.Security;

/// <summary>
/// The durable embedded mode's master key when <c>ARIA_MASTER_KEY</c> is not given: 32 random bytes,
/// base64, in <c>master.key</c> of the data directory, readable by its owner alone. Drawn on the
/// first start and read on every later one, so signing keys stored under it (and the tokens they
/// signed) outlive a restart. Whoever can read the file can forge tokens: back it up with the data
/// directory and guard it as the database's own secret.
/// </summary>
public static class MasterKeyFile
{
    /// <summary>The file's name in the data directory.</summary>
    public const string FileName = "master.key";

    /// <summary>Reads the key in <paramref name="folder"/>, or draws one and writes it there first.</summary>
    /// <exception cref="InvalidDataException">The file exists but holds no key of the right size.</exception>
    public static byte[] LoadOrCreate(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            Create(path);
        }

        var text = File.ReadAllText(path).Trim();
        var key = new byte[SecretCipher.MasterKeySize];
        if (!Convert.TryFromBase64String(text, key, out var length) || length != SecretCipher.MasterKeySize)
        {
            throw new InvalidDataException($"{path} holds no master key (base64 of {SecretCipher.MasterKeySize} bytes); restore it from a backup, or set ARIA_MASTER_KEY");
        }

        return key;
    }

    // Written whole to a private temporary file and moved into place, so a crash never leaves half
    // a key, and two first starts cannot both win (the move does not replace an existing file).
    private static void Create(string path)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, options))
        using (var writer = new StreamWriter(file))
        {
            writer.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretCipher.MasterKeySize)));
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
