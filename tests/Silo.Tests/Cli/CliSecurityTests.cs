using System.Text.Json;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Cli;

/// <summary>aria keys and rotate-jwt against a real silo.</summary>
[Trait("Category", "Integration")]
[Collection(CliHostCollection.Name)]
public sealed class CliSecurityTests(HostFixture fixture)
{
    private CliRun Admin() => CliRun.For(fixture.Host.Http.BaseAddress!, fixture.Host.Token);

    [Fact]
    public async Task Keys_CreateListRevoke_TheRevokedKeyCanNoLongerLogIn()
    {
        using var cli = Admin();

        var created = await cli.RunAsync("keys", "create", "--name", "cli desk", "--role", "trader", "--json");
        using var key = JsonDocument.Parse(created.Out);
        var id = key.RootElement.GetProperty("id").GetString()!;
        var apiKey = key.RootElement.GetProperty("apiKey").GetString()!;
        using var user = CliRun.For(fixture.Host.Http.BaseAddress!, token: null);
        var loginBefore = await user.RunAsync("login", "--api-key", apiKey);
        var listed = await cli.RunAsync("keys", "list");
        var revoked = await cli.RunAsync("keys", "revoke", id);
        var listedAfter = await cli.RunAsync("keys", "list", "--json");
        var loginAfter = await user.RunAsync("login", "--api-key", apiKey);

        Assert.Equal(0, created.ExitCode);
        Assert.Equal(["trader"], key.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(0, loginBefore.ExitCode);
        Assert.Contains("as trader", loginBefore.Out);
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains(id, listed.Out);
        Assert.Contains("cli desk", listed.Out);
        Assert.DoesNotContain(apiKey, listed.Out);
        Assert.Equal(0, revoked.ExitCode);
        using var after = JsonDocument.Parse(listedAfter.Out);
        var entry = after.RootElement.EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        Assert.True(entry.TryGetProperty("revokedAt", out _));
        Assert.Equal(4, loginAfter.ExitCode);
        Assert.Contains("Unknown API key", Assert.Single(loginAfter.ErrorLines));
    }

    [Fact]
    public async Task KeysCreate_UnknownRole_IsAUsageError()
    {
        using var cli = Admin();

        var result = await cli.RunAsync("keys", "create", "--name", "x", "--role", "root");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("root", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task KeysRevoke_UnknownId_ExitsOneWithThe404Line()
    {
        using var cli = Admin();

        var result = await cli.RunAsync("keys", "revoke", "000000000000");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("aria: Unknown API key: no active API key has the id '000000000000'", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task RotateJwt_Twice_MakesANewCurrentKeyEachTime_AndTheTokenStillWorks()
    {
        using var cli = Admin();

        var first = await cli.RunAsync("rotate-jwt", "--reason", "cli test", "--json");
        var second = await cli.RunAsync("rotate-jwt");
        var positions = await cli.RunAsync("positions");

        Assert.Equal(0, first.ExitCode);
        using var ring = JsonDocument.Parse(first.Out);
        var kid = ring.RootElement.GetProperty("currentKid").GetString()!;
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Rotated: the current key is", second.Out);
        Assert.DoesNotContain($"current key is {kid};", second.Out);
        Assert.Contains(kid, second.Out);
        Assert.Equal(0, positions.ExitCode);
    }
}
