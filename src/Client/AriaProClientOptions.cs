using System.Security.Cryptography.X509Certificates;
using AriaPro.Grains.Interfaces.Security;

namespace AriaPro.Client;

/// <summary>How the client finds the AriaPro cluster.</summary>
public sealed class AriaProClientOptions
{
    /// <summary>Default client gateway port of a silo.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>Redis connection string of a cluster-mode deployment (<c>ARIA_REDIS</c>); null connects to a silo on localhost.</summary>
    /// <value>The default value is null.</value>
    public string? Redis { get; set; }

    /// <summary>Gateway port of the localhost silo (<c>ARIA_GATEWAY_PORT</c>); unused with Redis, where gateways are discovered.</summary>
    /// <value>The default value is 30000.</value>
    public int GatewayPort { get; set; } = DefaultGatewayPort;

    /// <summary>Orleans cluster id; must equal the silos' <c>ARIA_CLUSTER_ID</c>.</summary>
    /// <value>The default value is aria.</value>
    public string ClusterId { get; set; } = "aria";

    /// <summary>Orleans service id; must equal the silos' <c>ARIA_SERVICE_ID</c>.</summary>
    /// <value>The default value is ariapro.</value>
    public string ServiceId { get; set; } = "ariapro";

    /// <summary>
    /// Connection attempts before start-up fails; null leaves it to <see cref="ConnectTimeout"/>.
    /// Interactive tools want a small number so they fail fast.
    /// </summary>
    /// <value>The default value is null.</value>
    public int? MaxConnectAttempts { get; set; }

    /// <summary>
    /// How long starting the client keeps trying to reach a gateway before it fails with
    /// <see cref="AriaUnavailableException"/> naming where it looked; <see cref="Timeout.InfiniteTimeSpan"/>
    /// keeps trying until the start is cancelled.
    /// </summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the client looks for the cluster, for messages: the gateway, or Redis.</summary>
    public string Where => UsesRedis ? $"the gateways listed in Redis at {Redis} (cluster {ClusterId}, service {ServiceId})" : $"the gateway 127.0.0.1:{GatewayPort}";

    /// <summary>
    /// How long a call that failed transiently (see <see cref="TransientFailure"/>: a silo died,
    /// a timeout, Redis down) is retried, with backoff, before the failure is thrown. Every
    /// AriaPro call is safe to repeat: an order is retried with the same client order id and so
    /// is placed at most once. <see cref="TimeSpan.Zero"/> turns retrying off.
    /// </summary>
    /// <value>The default value is 60 seconds: long enough for a cluster to declare a dead silo
    /// dead and re-activate its grains elsewhere.</value>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The API key the client proves itself with: exchanged through the gateway for a bearer token,
    /// which every call carries and which is renewed before it expires. A client without credentials
    /// can call nothing.
    /// </summary>
    /// <value>The default value is null.</value>
    public string? ApiKey { get; set; }

    /// <summary>A bearer token to send instead of exchanging <see cref="ApiKey"/> (one from <c>POST /auth/token</c>); it is not renewed.</summary>
    /// <value>The default value is null.</value>
    public string? AccessToken { get; set; }

    /// <summary>
    /// The client's certificate, with its private key, for a deployment whose Orleans ports speak
    /// mutual TLS (the silos' <c>ARIA_CLUSTER_TLS_CERT</c>): issued by
    /// <see cref="TlsCertificateAuthority"/>, presented to the gateway, which refuses a connection
    /// without one. Null connects in plain TCP.
    /// </summary>
    /// <value>The default value is null.</value>
    public X509Certificate2? TlsCertificate { get; set; }

    /// <summary>The deployment's certificate authority (the silos' <c>ARIA_CLUSTER_TLS_CA</c>): the gateway's certificate must chain to it.</summary>
    /// <value>The default value is null.</value>
    public X509Certificate2Collection? TlsCertificateAuthority { get; set; }

    /// <summary>Sets <see cref="TlsCertificate"/> from a PFX file and <see cref="TlsCertificateAuthority"/> from a PEM file.</summary>
    /// <exception cref="ArgumentException">A file cannot be opened, or the PFX has no private key.</exception>
    public AriaProClientOptions UseTls(string certificatePfxPath, string? password, string authorityPemPath)
    {
        TlsCertificate = ClusterCertificates.LoadCertificate(certificatePfxPath, password);
        TlsCertificateAuthority = ClusterCertificates.LoadAuthority(authorityPemPath);
        return this;
    }

    /// <summary>True when the client discovers gateways through Redis.</summary>
    public bool UsesRedis => !string.IsNullOrWhiteSpace(Redis);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad option.</summary>
    public void Validate()
    {
        if (GatewayPort is < 1 or > 65535)
        {
            throw new ArgumentException($"{nameof(GatewayPort)} must be from 1 to 65535, not {GatewayPort}.", nameof(GatewayPort));
        }

        if (MaxConnectAttempts is < 1)
        {
            throw new ArgumentException($"{nameof(MaxConnectAttempts)} must be at least 1 or null, not {MaxConnectAttempts}.", nameof(MaxConnectAttempts));
        }

        if (ConnectTimeout <= TimeSpan.Zero && ConnectTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"{nameof(ConnectTimeout)} must be positive or infinite, not {ConnectTimeout}.", nameof(ConnectTimeout));
        }

        if (RetryFor < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(RetryFor)} must not be negative, not {RetryFor}.", nameof(RetryFor));
        }

        if (TlsCertificate is null != TlsCertificateAuthority is null)
        {
            throw new ArgumentException($"mutual TLS needs both {nameof(TlsCertificate)} (the client's own, with its key) and {nameof(TlsCertificateAuthority)} (the deployment's CA).",
                TlsCertificate is null ? nameof(TlsCertificate) : nameof(TlsCertificateAuthority));
        }

        if (TlsCertificate is { HasPrivateKey: false })
        {
            throw new ArgumentException($"{nameof(TlsCertificate)} has no private key; load it from a PFX with its key.", nameof(TlsCertificate));
        }

        if (TlsCertificateAuthority is { Count: 0 })
        {
            throw new ArgumentException($"{nameof(TlsCertificateAuthority)} holds no certificate.", nameof(TlsCertificateAuthority));
        }

        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            throw new ArgumentException($"{nameof(ClusterId)} must not be empty.", nameof(ClusterId));
        }

        if (string.IsNullOrWhiteSpace(ServiceId))
        {
            throw new ArgumentException($"{nameof(ServiceId)} must not be empty.", nameof(ServiceId));
        }
    }
}
