namespace AriaPro.Cli.Connection;

/// <summary>What <c>aria login</c> keeps: the silo, its token, when the token expires, and the strongest role it carries.</summary>
internal sealed record StoredLogin(string Url, string Token, DateTimeOffset ExpiresAt, string? Role);
