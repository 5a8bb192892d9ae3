using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace AriaPro.Grains.Hosting;

/// <summary>
/// An exclusive lock on <c>ariapro.lock</c> in a <see cref="DataDirectory"/>, holding the holder's
/// pid. On Linux and macOS .NET takes it with <c>flock</c>, which the kernel drops when the process
/// dies however it dies, so a crash never leaves a stale lock; the pid in the file is only for the
/// message, never trusted as a lock. The lock lasts until this is disposed: keep it referenced for
/// the life of the process (a lock collected by the GC is released).
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    /// <summary>The lock file's name.</summary>
    public const string FileName = "ariapro.lock";

    private const int ReadOnly = 0;

    private readonly FileStream _file;

    private DataDirectoryLock(FileStream file, string path)
    {
        _file = file;
        FilePath = path;
    }

    /// <summary>The lock file's path.</summary>
    public string FilePath { get; }

    /// <summary>Releases the lock. The file stays: deleting it would let a process that opened it before the delete lock a file no one else sees.</summary>
    public void Dispose() => _file.Dispose();

    /// <summary>Takes the lock on <paramref name="directory"/>, or throws <see cref="IOException"/> naming the holder's pid.</summary>
    internal static DataDirectoryLock Acquire(string directory)
    {
        var path = Path.Combine(directory, FileName);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e.GetType() == typeof(IOException))
        {
            var holder = HolderPid(path) is { } pid ? pid.ToString(CultureInfo.InvariantCulture) : "unknown";
            throw new IOException($"the data directory {directory} is in use by another AriaPro process (pid {holder}); stop it or set {DataDirectory.Variable} to another folder", e);
        }

        try
        {
            file.SetLength(0);
            file.Write(Encoding.ASCII.GetBytes($"{Environment.ProcessId}\n"));
            file.Flush();
            return new DataDirectoryLock(file, path);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    // Every FileStream on Unix takes a flock (a shared one to read), which the holder's exclusive lock
    // refuses: the pid is read with libc's open and read, which take none. Windows refuses any open
    // of the holder's file, so there the pid stays unknown.
    private static int? HolderPid(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            var fd = Open(Encoding.UTF8.GetBytes(path + "\0"), ReadOnly);
            if (fd < 0)
            {
                return null;
            }

            var buffer = new byte[32];
            var read = Read(fd, buffer, buffer.Length);
            _ = Close(fd);
            return read > 0 && int.TryParse(Encoding.ASCII.GetString(buffer, 0, (int)read).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    private static extern nint Read(int fd, byte[] buffer, nint count);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
