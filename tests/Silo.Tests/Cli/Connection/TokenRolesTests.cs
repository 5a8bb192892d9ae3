using System.Text;
using AriaPro.Cli.Connection;

namespace AriaPro.Silo.Tests.Cli.Connection;

[Trait("Category", "Unit")]
public sealed class TokenRolesTests
{
    [Theory]
    [InlineData("""{"sub":"k1","role":["viewer","trader"]}""", "trader")]
    [InlineData("""{"sub":"k1","role":"admin"}""", "admin")]
    [InlineData("""{"sub":"k1","role":["trader","viewer","admin"]}""", "admin")]
    [InlineData("""{"sub":"k1","role":"root"}""", null)]
    [InlineData("""{"sub":"k1"}""", null)]
    public void Strongest_JwtPayload_IsTheStrongestKnownRole(string payload, string? expected)
    {
        var token = $"{Segment("""{"alg":"HS256"}""")}.{Segment(payload)}.c2lnbmF0dXJl";

        var role = TokenRoles.Strongest(token);

        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("a.%%%.c")]
    public void Strongest_NotAJwt_IsNull(string token)
    {
        var role = TokenRoles.Strongest(token);

        Assert.Null(role);
    }

    // Base64url without padding, as JWTs write their segments.
    private static string Segment(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
