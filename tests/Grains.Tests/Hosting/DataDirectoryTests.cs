using AriaPro.Grains.Hosting;

namespace AriaPro.Grains.Tests.Hosting;

[Trait("Category", "Unit")]
public sealed class DataDirectoryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("aria-datadir-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Resolve_Configured_WinsOverXdgAndHomeAndIsCreated()
    {
        var configured = Path.Combine(_root, "configured");

        var directory = DataDirectory.Resolve(configured, Environment(xdg: Path.Combine(_root, "xdg"), home: Path.Combine(_root, "home")));

        Assert.Equal(configured, directory.FullPath);
        Assert.True(Directory.Exists(configured));
        Assert.Equal(Path.Combine(configured, "ariapro.db"), directory.DatabasePath);
    }

    [Fact]
    public void Resolve_NothingConfigured_UsesTheXdgDataHome()
    {
        var directory = DataDirectory.Resolve(null, Environment(xdg: Path.Combine(_root, "xdg"), home: Path.Combine(_root, "home")));

        Assert.Equal(Path.Combine(_root, "xdg", "ariapro"), directory.FullPath);
        Assert.True(Directory.Exists(directory.FullPath));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/xdg")]
    public void Resolve_NoAbsoluteXdgDataHome_UsesLocalShareUnderHome(string? xdg)
    {
        var directory = DataDirectory.Resolve("  ", Environment(xdg: xdg, home: Path.Combine(_root, "home")));

        Assert.Equal(Path.Combine(_root, "home", ".local", "share", "ariapro"), directory.FullPath);
        Assert.True(Directory.Exists(directory.FullPath));
    }

    [Fact]
    public void Resolve_NothingSet_FailsNamingAriaDataDir()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => DataDirectory.Resolve(null, Environment(xdg: null, home: null)));

        Assert.Contains("set ARIA_DATA_DIR", failure.Message);
    }

    private static Func<string, string?> Environment(string? xdg, string? home) => name => name switch
    {
        "XDG_DATA_HOME" => xdg,
        "HOME" => home,
        _ => throw new InvalidOperationException($"unexpected variable {name}"),
    };
}
