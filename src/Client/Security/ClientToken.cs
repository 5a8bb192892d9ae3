using Microsoft.Extensions.DependencyInjection;
using AriaPro.Grains.Interfaces.Security;

namespace AriaPro.Client.Security;

/// <summary>
/// The bearer token the SDK sends with every grain call: the one given in
/// <see cref="AriaProClientOptions.AccessToken"/>, or one it gets for
/// <see cref="AriaProClientOptions.ApiKey"/> through the gateway and renews
/// <see cref="RenewBefore"/> before it expires.
/// </summary>
public sealed class ClientToken(AriaProClientOptions options, IServiceProvider services, TimeProvider? time = null)
{
    /// <summary>How long before expiry a token is exchanged for a new one.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _renewing = new(1, 1);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private (string Token, DateTimeOffset ExpiresAt)? _current;

    /// <summary>The token to send now, or null when the client has no credentials.</summary>
    public async ValueTask<string?> GetAsync()
    {
        if (options.AccessToken is { } given)
        {
            return given;
        }

        if (options.ApiKey is not { } apiKey)
        {
            return null;
        }

        if (_current is { } current && _time.GetUtcNow() < current.ExpiresAt - RenewBefore)
        {
            return current.Token;
        }

        await _renewing.WaitAsync();
        try
        {
            if (_current is { } renewed && _time.GetUtcNow() < renewed.ExpiresAt - RenewBefore)
            {
                return renewed.Token;
            }

            var issued = await services.GetRequiredService<IClusterClient>().GetGrain<ITokenIssuerGrain>(0).Issue(apiKey);
            _current = (issued.Token, issued.ExpiresAt);
            return issued.Token;
        }
        finally
        {
            _renewing.Release();
        }
    }
}
