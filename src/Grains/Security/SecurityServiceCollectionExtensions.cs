using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;

namespace AriaPro.Grains.Security;

/// <summary>Registers the signing keys and revocations on a silo.</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Adds the options, the master-key cipher, this silo's <see cref="IJwtKeys"/> cache, its poller
    /// and the start-up step that loads it before the silo serves. Call after
    /// <c>AddAriaProTrading</c>, which registers the trading clock and the locks. Without a
    /// <see cref="JwtKeyRingOptions.MasterKey"/> a random one is drawn in memory (embedded mode only).
    /// </summary>
    /// <exception cref="OrleansConfigurationException">An option is out of range.</exception>
    public static IServiceCollection AddAriaProSecurity(this IServiceCollection services, JwtKeyRingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton(new SecretCipher(options.MasterKey ?? RandomNumberGenerator.GetBytes(SecretCipher.MasterKeySize)));
        services.AddSingleton(sp => new SystemCallCredential(sp.GetRequiredService<SecretCipher>(), TimeProvider.System));
        services.AddSingleton<JwtKeys>();
        services.AddSingleton<IJwtKeys>(sp => sp.GetRequiredService<JwtKeys>());
        services.AddHostedService<JwtKeysPoller>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, JwtKeysStartup>();
        return services;
    }
}
