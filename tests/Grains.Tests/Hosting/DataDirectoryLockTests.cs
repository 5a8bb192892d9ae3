using System.Diagnostics;
using AriaPro.Grains.Hosting;

namespace AriaPro.Grains.Tests.Hosting;

/// <summary>
/// The lock as the operating system sees it: util-linux's <c>flock</c> takes the same kind of lock
/// as .NET (flock(2)), so it can both test our lock from another process and hold one for us to meet.
/// The lock file is read only once released: a read through .NET takes a shared flock, which the
/// held lock refuses.
/// </summary>
[Trait("Category", "Unit")]
public sealed class DataDirectoryLockTests : IDisposable
{
    private const string Flock = "/usr/bin/flock";
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(30);
    private readonly DataDirectory _directory = DataDirectory.Resolve(Directory.CreateTempSubdirectory("aria-lock-").FullName);

    private string LockFile => Path.Combine(_directory.FullPath, "ariapro.lock");

    public void Dispose() => Directory.Delete(_directory.FullPath, recursive: true);

    [Fact]
    public async Task Lock_Held_AnotherProcessCannotLockTheFileUntilItIsDisposed()
    {
        var held = _directory.Lock();

        var exclusiveWhileHeld = await TryFlock("--exclusive");
        var sharedWhileHeld = await TryFlock("--shared");
        held.Dispose();
        var afterwards = await TryFlock("--exclusive");

        Assert.Equal(1, exclusiveWhileHeld);
        Assert.Equal(1, sharedWhileHeld);
        Assert.Equal(0, afterwards);
        Assert.Equal($"{Environment.ProcessId}\n", File.ReadAllText(LockFile));
        Assert.Equal(LockFile, held.FilePath);
    }

    [Fact]
    public void Lock_AlreadyHeld_FailsNamingTheDirectoryAndTheHoldersPid()
    {
        using var held = _directory.Lock();

        var failure = Assert.Throws<IOException>(_directory.Lock);

        Assert.Equal(
            $"the data directory {_directory.FullPath} is in use by another AriaPro process (pid {Environment.ProcessId}); stop it or set ARIA_DATA_DIR to another folder",
            failure.Message);
    }

    [Fact]
    public async Task Lock_HeldByAnotherProcess_FailsNamingThatProcess()
    {
        await using var holder = await FlockHolder.StartAsync(LockFile);

        var failure = Assert.Throws<IOException>(_directory.Lock);

        Assert.Contains($"is in use by another AriaPro process (pid {holder.Pid})", failure.Message);
    }

    [Fact]
    public async Task Lock_HolderKilled_TheNextLockSucceeds()
    {
        await using var holder = await FlockHolder.StartAsync(LockFile);
        Assert.Throws<IOException>(_directory.Lock);

        await holder.KillAsync();
        _directory.Lock().Dispose();

        Assert.Equal($"{Environment.ProcessId}\n", File.ReadAllText(LockFile));
    }

    private async Task<int> TryFlock(string mode)
    {
        using var flock = Process.Start(new ProcessStartInfo(Flock, [mode, "--nonblock", LockFile, "true"]))!;
        await flock.WaitForExitAsync().WaitAsync(ChildTimeout);
        return flock.ExitCode;
    }

    /// <summary>
    /// Another process holding the lock: flock holds it and, with --close, its shell does not, so
    /// once flock is killed nothing holds it. The shell writes flock's pid into the file, as our lock
    /// writes ours, and says when the lock is taken.
    /// </summary>
    private sealed class FlockHolder : IAsyncDisposable
    {
        private readonly Process _process;

        private FlockHolder(Process process) => _process = process;

        public int Pid => _process.Id;

        public static async Task<FlockHolder> StartAsync(string lockFile)
        {
            var script = $"echo $PPID > '{lockFile}'; echo locked; exec sleep 600";
            var holder = new FlockHolder(Process.Start(new ProcessStartInfo(Flock, ["--nonblock", "--close", lockFile, "-c", script]) { RedirectStandardOutput = true })!);
            try
            {
                Assert.Equal("locked", await holder._process.StandardOutput.ReadLineAsync().WaitAsync(ChildTimeout));
                return holder;
            }
            catch
            {
                await holder.DisposeAsync();
                throw;
            }
        }

        public async Task KillAsync()
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(ChildTimeout);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                await KillAsync();
            }

            _process.Dispose();
        }
    }
}
