using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using AriaPro.Client.Security;
using Orleans.Configuration;

namespace AriaPro.Client;

/// <summary>Registers the Orleans client for an AriaPro cluster and the typed <see cref="AriaProClient"/>.</summary>
public static class AriaProClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds an Orleans client that connects through Redis clustering when
    /// <see cref="AriaProClientOptions.Redis"/> is set, else to a silo on localhost, and registers
    /// <see cref="AriaProClient"/> as a singleton. The connection opens when the host starts.
    /// </summary>
    public static IServiceCollection AddAriaProClient(this IServiceCollection services, Action<AriaProClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new AriaProClientOptions();
        configure?.Invoke(options);
        options.Validate();

        services.AddOrleansClient(client =>
        {
            if (options.UsesRedis)
            {
                client.UseRedisClustering(options.Redis!);
                client.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = options.ClusterId;
                    cluster.ServiceId = options.ServiceId;
                });
            }
            else
            {
                client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
            }

            client.AddOutgoingGrainCallFilter<CallCredentialsFilter>();
            if (options.MaxConnectAttempts is { } maxAttempts)
            {
                var attempts = 0;
                client.UseConnectionRetryFilter((_, cancellation) =>
                    Task.FromResult(!cancellation.IsCancellationRequested && Interlocked.Increment(ref attempts) < maxAttempts));
            }
        });

        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new ClientToken(options, sp));
        services.TryAddSingleton(sp => new AriaProClient(sp.GetRequiredService<IClusterClient>(), options));
        return services;
    }

    /// <summary>Host-builder form of <see cref="AddAriaProClient(IServiceCollection, Action{AriaProClientOptions}?)"/>.</summary>
    public static TBuilder AddAriaProClient<TBuilder>(this TBuilder builder, Action<AriaProClientOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAriaProClient(configure);
        return builder;
    }
}
