using System.Text.Json;
using AriaPro.Grains.Interfaces.Security;

namespace AriaPro.Cli.Connection;

/// <summary>
/// The roles a token says it carries, read from its payload for display only: the silo checks
/// the signature, the CLI never trusts the claims for anything else.
/// </summary>
internal static class TokenRoles
{
    /// <summary>The strongest of <see cref="AriaRoles.All"/> in the token's <c>role</c> claims, or null when it names none or is not a JWT.</summary>
    public static string? Strongest(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || Decode(parts[1]) is not { } payload)
        {
            return null;
        }

        using var document = JsonDocument.Parse(payload);
        if (!document.RootElement.TryGetProperty("role", out var role))
        {
            return null;
        }

        var roles = role.ValueKind == JsonValueKind.Array
            ? role.EnumerateArray().Select(r => r.GetString()).ToList()
            : [role.GetString()];
        return AriaRoles.All.LastOrDefault(roles.Contains);
    }

    private static byte[]? Decode(string base64Url)
    {
        var base64 = base64Url.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) ? bytes[..written] : null;
    }
}
