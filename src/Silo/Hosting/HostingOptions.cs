namespace AriaPro.Silo.Hosting;

/// <summary>How this silo is hosted (<c>ARIA_HTTP_URLS</c>, <c>ARIA_REDIS</c>, <c>ARIA_SILO_PORT</c>, ...).</summary>
public sealed class HostingOptions
{
    /// <summary>Addresses of the HTTP facade (<c>ARIA_HTTP_URLS</c>, semicolon separated).</summary>
    /// <value>The default value is http://127.0.0.1:8080.</value>
    public string HttpUrls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>
    /// Browser origins besides the facade's own that may open <c>/ws</c> (<c>ARIA_WS_ORIGINS</c>,
    /// comma separated <c>scheme://host[:port]</c>): a page on any other origin is refused, so a
    /// foreign site cannot ride a logged-in browser's cookie or token into the event stream.
    /// </summary>
    /// <value>The default value is empty: the facade's own origin only.</value>
    public IReadOnlyList<Uri> WebSocketOrigins { get; set; } = [];

    /// <summary>Redis for cluster mode (<c>ARIA_REDIS</c>: host:port or a StackExchange.Redis connection string); null runs embedded.</summary>
    public string? Redis { get; set; }

    /// <summary>
    /// Where an embedded silo keeps its state (<c>ARIA_STORAGE</c>): <see cref="EmbeddedStorage.Durable"/>,
    /// SQLite in <see cref="DataDirectory"/>, every write on disk before it is acknowledged; or
    /// <see cref="EmbeddedStorage.Memory"/>, nothing kept past the process (tests, demos, replays).
    /// Cluster mode keeps everything in Redis.
    /// </summary>
    /// <value>The default value is durable.</value>
    public EmbeddedStorage Storage { get; set; } = EmbeddedStorage.Durable;

    /// <summary>The durable store's folder (<c>ARIA_DATA_DIR</c>, an absolute path once loaded); null uses the user's data folder (<c>$XDG_DATA_HOME/ariapro</c>, else <c>~/.local/share/ariapro</c>).</summary>
    /// <value>The default value is null.</value>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// How long an order's record stays after its last write (<c>ARIA_ORDER_RETENTION_DAYS</c>), in
    /// every store: its id is refused for reuse that long, then the record leaves storage.
    /// </summary>
    /// <value>The default value is 90 days.</value>
    public TimeSpan OrderRetention { get; set; } = TimeSpan.FromDays(DefaultOrderRetentionDays);

    /// <summary>Default of <see cref="OrderRetention"/>, in days.</summary>
    public const int DefaultOrderRetentionDays = 90;

    /// <summary>Longest <see cref="OrderRetention"/>, in days.</summary>
    public const int MaxOrderRetentionDays = 3650;

    /// <summary>True when an embedded silo keeps its state on disk.</summary>
    public bool IsDurableEmbedded => !IsCluster && Storage == EmbeddedStorage.Durable;

    /// <summary>
    /// The address a cluster-mode silo listens on and tells the others, for the silo-to-silo port and
    /// the gateway (<c>ARIA_SILO_ADDRESS</c>: an IP address or a host name that resolves to one of
    /// this machine's). Nothing listens on any other interface. Embedded mode always uses loopback,
    /// and on Kubernetes the pod's IP is used.
    /// </summary>
    /// <value>The default value is 127.0.0.1: silos of one machine only, until the operator names the network.</value>
    public string SiloAddress { get; set; } = DefaultSiloAddress;

    /// <summary>Default of <see cref="SiloAddress"/>.</summary>
    public const string DefaultSiloAddress = "127.0.0.1";

    /// <summary>Silo-to-silo port (<c>ARIA_SILO_PORT</c>).</summary>
    /// <value>The default value is 11111.</value>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port (<c>ARIA_GATEWAY_PORT</c>).</summary>
    /// <value>The default value is 30000.</value>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Orleans cluster id (<c>ARIA_CLUSTER_ID</c>).</summary>
    /// <value>The default value is aria.</value>
    public string ClusterId { get; set; } = "aria";

    /// <summary>Orleans service id (<c>ARIA_SERVICE_ID</c>); must stay the same across deployments to keep state.</summary>
    /// <value>The default value is ariapro.</value>
    public string ServiceId { get; set; } = "ariapro";

    /// <summary>
    /// Whether the host keeps the feeds, the auto-traders and the risk grain's end-of-day reminder
    /// running on its own (no variable: set in code). A replay turns it off and drives them bar by bar.
    /// </summary>
    /// <value>The default value is true.</value>
    public bool StartsTrading { get; set; } = true;

    /// <summary>True in cluster mode.</summary>
    public bool IsCluster => !string.IsNullOrWhiteSpace(Redis);

    /// <summary>
    /// Whether the silo runs in a Kubernetes pod with Orleans' Kubernetes hosting
    /// (<c>ARIA_KUBERNETES</c>): silo name and address from the pod, and silos whose pod is gone
    /// declared dead at once. Cluster mode only.
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>PFX file of the HTTPS certificate (<c>ARIA_TLS_CERT</c>); null serves plain HTTP only.</summary>
    /// <value>The default value is null.</value>
    public string? TlsCertificatePath { get; set; }

    /// <summary>Password of the PFX file (<c>ARIA_TLS_CERT_PASSWORD</c>).</summary>
    /// <value>The default value is null.</value>
    public string? TlsCertificatePassword { get; set; }

    /// <summary>
    /// PFX file of this silo's certificate for the Orleans ports (<c>ARIA_CLUSTER_TLS_CERT</c>):
    /// presented on the silo-to-silo port and the gateway, and to other silos it connects to. With
    /// it, every connection to either port must present a certificate issued by
    /// <see cref="ClusterTlsAuthorityPath"/> (mutual TLS); null leaves the Orleans ports plain TCP.
    /// </summary>
    /// <value>The default value is null.</value>
    public string? ClusterTlsCertificatePath { get; set; }

    /// <summary>Password of <see cref="ClusterTlsCertificatePath"/> (<c>ARIA_CLUSTER_TLS_CERT_PASSWORD</c>).</summary>
    /// <value>The default value is null.</value>
    public string? ClusterTlsCertificatePassword { get; set; }

    /// <summary>PEM file of the deployment's certificate authority (<c>ARIA_CLUSTER_TLS_CA</c>), which issues every silo's and client's certificate.</summary>
    /// <value>The default value is null.</value>
    public string? ClusterTlsAuthorityPath { get; set; }

    /// <summary>True when the Orleans ports speak mutual TLS.</summary>
    public bool ClusterTls => ClusterTlsCertificatePath is not null;

    /// <summary>True when some listen address is https.</summary>
    public bool ServesHttps => HttpUrls.Split(';').Any(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
}
