using System.Text.Json;
using AriaPro.Cli;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Silo.Tests.Hosting;
using Spectre.Console.Testing;

namespace AriaPro.Silo.Tests.Cli;

/// <summary>aria login and logout, the stored token, and what a command does without one.</summary>
[Trait("Category", "Integration")]
[Collection(CliHostCollection.Name)]
public sealed class CliLoginTests(HostFixture fixture)
{
    private Uri Url => fixture.Host.Http.BaseAddress!;

    [Fact]
    public async Task Login_ApiKey_StoresTheTokenOwnerOnly_AndALaterCommandUsesIt()
    {
        using var cli = CliRun.For(Url, token: null);

        var login = await cli.RunAsync("login", "--api-key", TestAuth.AdminKey);
        var positions = await cli.RunAsync("positions", "--json");

        Assert.Equal(0, login.ExitCode);
        Assert.Contains("as admin", login.Out);
        var file = Path.Combine(cli.ConfigDirectory, "login.json");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        using var stored = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal(Url.ToString().TrimEnd('/'), stored.RootElement.GetProperty("url").GetString());
        Assert.Equal(AriaRoles.Admin, stored.RootElement.GetProperty("role").GetString());
        Assert.True(stored.RootElement.GetProperty("expiresAt").GetDateTimeOffset() > TimeProvider.System.GetUtcNow());
        Assert.Equal(0, positions.ExitCode);
        Assert.Contains("EURUSD", positions.Out);
    }

    [Fact]
    public async Task Login_KeyFromEnvironment_StoresAViewerToken_ThatCannotHalt()
    {
        var viewerKey = await TestAuth.CreateKeyAsync(fixture.Host.Http, AriaRoles.Viewer);
        using var cli = CliRun.For(Url, token: null);
        cli.Environment["ARIA_API_KEY"] = viewerKey;

        var login = await cli.RunAsync("login");
        var symbol = await cli.RunAsync("symbol", "show", "EURUSD");
        var halt = await cli.RunAsync("symbol", "halt", "EURUSD");

        Assert.Equal(0, login.ExitCode);
        Assert.Contains("as viewer", login.Out);
        Assert.Equal(0, symbol.ExitCode);
        Assert.Equal(5, halt.ExitCode);
        Assert.Equal("aria: forbidden: this needs the role admin; the token has viewer", Assert.Single(halt.ErrorLines));
        Assert.Empty(halt.Out);
    }

    [Fact]
    public async Task Logout_AfterLogin_RemovesTheFile_AndCommandsNeedALoginAgain()
    {
        using var cli = CliRun.For(Url, token: null);
        Assert.Equal(0, (await cli.RunAsync("login", "--api-key", TestAuth.AdminKey)).ExitCode);

        var logout = await cli.RunAsync("logout");
        var positions = await cli.RunAsync("positions");

        Assert.Equal(0, logout.ExitCode);
        Assert.False(File.Exists(Path.Combine(cli.ConfigDirectory, "login.json")));
        Assert.Equal(4, positions.ExitCode);
        Assert.Contains("not logged in", Assert.Single(positions.ErrorLines));
    }

    [Fact]
    public async Task Command_NoLoginAndNoToken_ExitsFourWithOneLine()
    {
        using var cli = CliRun.For(Url, token: null);

        var result = await cli.RunAsync("positions");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal($"aria: not logged in to {Url.ToString().TrimEnd('/')}: run aria login --url {Url.ToString().TrimEnd('/')}, or pass --token or set ARIA_TOKEN",
            Assert.Single(result.ErrorLines));
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Command_ExpiredStoredLogin_ExitsFourAndSaysToLogInAgain()
    {
        using var cli = CliRun.For(Url, token: null);
        Assert.Equal(0, (await cli.RunAsync("login", "--api-key", TestAuth.AdminKey)).ExitCode);
        var file = Path.Combine(cli.ConfigDirectory, "login.json");
        var stored = File.ReadAllText(file);
        var expiresAt = JsonDocument.Parse(stored).RootElement.GetProperty("expiresAt").GetRawText();
        File.WriteAllText(file, stored.Replace(expiresAt, "\"2020-01-01T00:00:00+00:00\"", StringComparison.Ordinal));

        var result = await cli.RunAsync("positions");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("expired at 2020-01-01 00:00:00 UTC: run aria login", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Command_StoredLoginForAnotherSilo_IsNotSentHere()
    {
        using var cli = CliRun.For(Url, token: null);
        Assert.Equal(0, (await cli.RunAsync("login", "--api-key", TestAuth.AdminKey)).ExitCode);

        var result = await cli.RunAsync("positions", "--url", "http://127.0.0.1:1");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains($"the stored login is for {Url.ToString().TrimEnd('/')}", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Login_UnknownKey_ExitsFourWithTheSilosReason()
    {
        using var cli = CliRun.For(Url, token: null);

        var result = await cli.RunAsync("login", "--api-key", "aria_000000000000_not-a-key");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("Unknown API key", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(Path.Combine(cli.ConfigDirectory, "login.json")));
    }

    [Fact]
    public async Task Login_InTerminalWithoutKey_AsksForItWithoutEchoing()
    {
        using var cli = CliRun.For(Url, token: null);
        using var output = new TestConsole();
        using var terminal = new TestConsole().Interactive();
        terminal.Input.PushTextWithEnter(TestAuth.AdminKey);

        var code = await AriaCli.RunAsync(["login"], cli.Context(output, terminal));

        Assert.Equal(0, code);
        Assert.Contains("API key:", terminal.Output);
        Assert.DoesNotContain(TestAuth.AdminKey, terminal.Output);
        Assert.Contains("as admin", output.Output);
        Assert.True(File.Exists(Path.Combine(cli.ConfigDirectory, "login.json")));
    }

    [Fact]
    public async Task Login_NoKeyAndNoTerminal_ExitsTwoAndSaysHowToPassOne()
    {
        using var cli = CliRun.For(Url, token: null);

        var result = await cli.RunAsync("login");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pass --api-key, set ARIA_API_KEY", Assert.Single(result.ErrorLines));
    }
}
