using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using AriaPro.Client.Events;
using AriaPro.Client.Security;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Grains.Interfaces.Security;
using Orleans.Configuration;
using Orleans.Connections.Security;

namespace AriaPro.Client;

/// <summary>Registers the Orleans client for an AriaPro cluster, the typed <see cref="AriaProClient"/> (also as <see cref="IAriaProClient"/>) and its live <see cref="AriaEvents"/>.</summary>
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

            if (options.TlsCertificate is { } certificate)
            {
                var authority = options.TlsCertificateAuthority!;
                client.UseTls(certificate, tls =>
                {
                    tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
                    tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
                    tls.RemoteCertificateValidation = (remote, _, _) => ClusterCertificates.IsIssuedBy(remote, authority);
                });
            }

            client.AddOutgoingGrainCallFilter<CallCredentialsFilter>();
            client.AddMemoryStreams(AriaStreams.Provider);
            // Orleans would retry for ever: give up after the attempts or the time allowed, saying where it looked.
            var attempts = 0;
            var started = TimeProvider.System.GetTimestamp();
            client.UseConnectionRetryFilter((failure, cancellation) =>
            {
                var tried = Interlocked.Increment(ref attempts);
                if (cancellation.IsCancellationRequested)
                {
                    return Task.FromResult(false);
                }

                var elapsed = TimeProvider.System.GetElapsedTime(started);
                if (options.MaxConnectAttempts is { } maxAttempts && tried >= maxAttempts
                    || options.ConnectTimeout != Timeout.InfiniteTimeSpan && elapsed >= options.ConnectTimeout)
                {
                    throw new AriaUnavailableException(
                        $"no AriaPro silo answered at {options.Where} after {tried} attempts in {elapsed.TotalSeconds:0.#} s; is a silo running, are the port and ids right{(options.TlsCertificate is null ? ", and do the silos want a client certificate (TlsCertificate)" : ", and did the silos' authority issue the client's certificate")}?", failure);
                }

                return Task.FromResult(true);
            });
        });

        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new ClientToken(options, sp));
        services.TryAddSingleton(sp => new AriaProClient(sp.GetRequiredService<IClusterClient>(), options));
        services.TryAddSingleton<IAriaProClient>(sp => sp.GetRequiredService<AriaProClient>());
        services.TryAddSingleton(sp => new AriaEvents(sp.GetRequiredService<IClusterClient>()));
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
