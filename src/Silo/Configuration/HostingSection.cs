using System.Text.RegularExpressions;
using System.Security.Cryptography.X509Certificates;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Silo.Hosting;
using StackExchange.Redis;

namespace AriaPro.Silo.Configuration;

/// <summary>Reads the HTTP addresses, Redis, the Orleans ports and the cluster ids.</summary>
internal static partial class HostingSection
{
    /// <summary>Longest cluster or service id.</summary>
    public const int MaxIdLength = 100;

    public static HostingOptions Read(EnvironmentReader reader)
    {
        var options = new HostingOptions();
        var urls = reader.GetRaw(AriaVariables.HttpUrls);
        if (urls is not null)
        {
            var problems = HttpUrlParser.ParseListenList(urls, out var parsed);
            foreach (var problem in problems)
            {
                reader.AddValueError(AriaVariables.HttpUrls, urls, problem);
            }

            options.HttpUrls = string.Join(';', parsed);
        }

        options.WebSocketOrigins = reader.Get(AriaVariables.WebSocketOrigins, options.WebSocketOrigins, TryParseOrigins);
        options.Redis = ReadRedis(reader);
        ReadStorage(reader, options);
        options.SiloAddress = reader.Get(AriaVariables.SiloAddress, options.SiloAddress, TryParseAddress);
        options.SiloPort = reader.GetPort(AriaVariables.SiloPort, options.SiloPort);
        options.GatewayPort = reader.GetPort(AriaVariables.GatewayPort, options.GatewayPort);
        if (!reader.HasFailed(AriaVariables.SiloPort) && !reader.HasFailed(AriaVariables.GatewayPort)
            && options.SiloPort == options.GatewayPort)
        {
            reader.AddError(AriaVariables.GatewayPort, $"{options.GatewayPort} is the same as {AriaVariables.SiloPort}; they must differ");
        }

        options.ClusterId = reader.Get(AriaVariables.ClusterId, options.ClusterId, TryParseId);
        options.ServiceId = reader.Get(AriaVariables.ServiceId, options.ServiceId, TryParseId);
        ReadKubernetes(reader, options);
        ReadTls(reader, options);
        ReadClusterTls(reader, options);
        return options;
    }

    /// <summary>What the pod spec must set for Orleans' Kubernetes hosting (deploy/k8s/ariapro.yaml does).</summary>
    public static readonly IReadOnlyList<string> PodVariables = ["POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID"];

    // Orleans' Kubernetes hosting takes the ids from the pod; they must be the ones AriaPro keys
    // its own Redis data with (rate limits, audit), or two names would describe one deployment.
    private static void ReadKubernetes(EnvironmentReader reader, HostingOptions options)
    {
        options.Kubernetes = reader.GetBool(AriaVariables.Kubernetes, options.Kubernetes);
        if (!options.Kubernetes)
        {
            return;
        }

        if (!options.IsCluster)
        {
            reader.AddError(AriaVariables.Kubernetes, $"needs cluster mode: set {AriaVariables.Redis} (Kubernetes hosting does not replace clustering)");
        }

        if (reader.GetRaw(AriaVariables.SiloAddress) is not null)
        {
            reader.AddError(AriaVariables.SiloAddress, $"is taken from the pod (POD_IP) when {AriaVariables.Kubernetes} is set; unset it");
        }

        foreach (var name in PodVariables.Where(n => string.IsNullOrWhiteSpace(reader.GetRaw(n))))
        {
            reader.AddError(AriaVariables.Kubernetes, $"needs {name} from the pod spec (see deploy/k8s/ariapro.yaml)");
        }

        if (reader.GetRaw("ORLEANS_SERVICE_ID") is { Length: > 0 } service && service != options.ServiceId)
        {
            reader.AddError(AriaVariables.Kubernetes, $"ORLEANS_SERVICE_ID '{service}' differs from {AriaVariables.ServiceId} '{options.ServiceId}'; set both from the same value");
        }

        if (reader.GetRaw("ORLEANS_CLUSTER_ID") is { Length: > 0 } cluster && cluster != options.ClusterId)
        {
            reader.AddError(AriaVariables.Kubernetes, $"ORLEANS_CLUSTER_ID '{cluster}' differs from {AriaVariables.ClusterId} '{options.ClusterId}'; set both from the same value");
        }
    }

    // HTTPS needs a certificate, and a certificate that cannot be opened is a start-up error, not a
    // surprise on the first connection.
    private static void ReadTls(EnvironmentReader reader, HostingOptions options)
    {
        options.TlsCertificatePath = reader.GetRaw(AriaVariables.TlsCertificate);
        options.TlsCertificatePassword = reader.GetRaw(AriaVariables.TlsCertificatePassword);
        if (options.TlsCertificatePath is { } path)
        {
            try
            {
                using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(path, options.TlsCertificatePassword);
                if (!certificate.HasPrivateKey)
                {
                    reader.AddValueError(AriaVariables.TlsCertificate, path, "the certificate has no private key");
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                reader.AddValueError(AriaVariables.TlsCertificate, path, $"cannot be opened as a PFX with {AriaVariables.TlsCertificatePassword}: {exception.Message}");
            }
        }
        else if (options.ServesHttps && !reader.HasFailed(AriaVariables.HttpUrls))
        {
            reader.AddError(AriaVariables.HttpUrls, $"an https address needs a certificate in {AriaVariables.TlsCertificate}");
        }
    }

    // Mutual TLS on the Orleans ports needs this silo's certificate and the authority that issued
    // it and every other member's; a pair that cannot work is a start-up error, not silos that
    // cannot reach each other.
    private static void ReadClusterTls(EnvironmentReader reader, HostingOptions options)
    {
        options.ClusterTlsCertificatePath = reader.GetRaw(AriaVariables.ClusterTlsCertificate);
        options.ClusterTlsCertificatePassword = reader.GetRaw(AriaVariables.ClusterTlsCertificatePassword);
        options.ClusterTlsAuthorityPath = reader.GetRaw(AriaVariables.ClusterTlsAuthority);
        if (options.ClusterTlsCertificatePath is null || options.ClusterTlsAuthorityPath is null)
        {
            if (options.ClusterTlsCertificatePath is not null || options.ClusterTlsAuthorityPath is not null)
            {
                reader.AddError(options.ClusterTlsCertificatePath is null ? AriaVariables.ClusterTlsCertificate : AriaVariables.ClusterTlsAuthority,
                    $"mutual TLS on the Orleans ports needs both {AriaVariables.ClusterTlsCertificate} (this silo's PFX) and {AriaVariables.ClusterTlsAuthority} (the CA's PEM)");
            }

            return;
        }

        X509Certificate2? certificate = null;
        try
        {
            certificate = ClusterCertificates.LoadCertificate(options.ClusterTlsCertificatePath, options.ClusterTlsCertificatePassword);
            var authority = ClusterCertificates.LoadAuthority(options.ClusterTlsAuthorityPath);
            if (!ClusterCertificates.IsIssuedBy(certificate, authority))
            {
                reader.AddValueError(AriaVariables.ClusterTlsCertificate, options.ClusterTlsCertificatePath,
                    $"is not issued by the authority in {AriaVariables.ClusterTlsAuthority} (or has expired), so no other member would accept it");
            }
        }
        catch (ArgumentException exception)
        {
            var variable = exception.ParamName == "pemPath" ? AriaVariables.ClusterTlsAuthority : AriaVariables.ClusterTlsCertificate;
            reader.AddError(variable, exception.Message.Split(" (Parameter")[0]);
        }
        finally
        {
            certificate?.Dispose();
        }
    }

    // The embedded store: durable unless told otherwise; cluster mode has Redis and takes neither.
    private static void ReadStorage(EnvironmentReader reader, HostingOptions options)
    {
        options.Storage = reader.Get(AriaVariables.Storage, options.Storage, TryParseStorage);
        if (options.IsCluster && reader.GetRaw(AriaVariables.Storage) is not null)
        {
            reader.AddError(AriaVariables.Storage, $"is for embedded mode; with {AriaVariables.Redis} set every state lives in Redis: unset it");
        }

        if (reader.GetRaw(AriaVariables.DataDirectory) is { } folder)
        {
            options.DataDirectory = Path.GetFullPath(folder);
        }

        options.OrderRetention = TimeSpan.FromDays(reader.GetInt(AriaVariables.OrderRetentionDays, HostingOptions.DefaultOrderRetentionDays,
            v => v is >= 1 and <= HostingOptions.MaxOrderRetentionDays, $"must be whole days from 1 to {HostingOptions.MaxOrderRetentionDays}: how long a finished order's record (and the refusal of its id) stays"));
    }

    private static bool TryParseStorage(string raw, out EmbeddedStorage value, out string problem)
    {
        problem = "must be durable (SQLite in ARIA_DATA_DIR, kept across restarts) or memory (nothing kept past the process)";
        value = raw.ToLowerInvariant() switch
        {
            "durable" => EmbeddedStorage.Durable,
            "memory" => EmbeddedStorage.Memory,
            _ => (EmbeddedStorage)(-1),
        };
        return Enum.IsDefined(value);
    }

    private static string? ReadRedis(EnvironmentReader reader)
    {
        var raw = reader.GetRaw(AriaVariables.Redis);
        if (raw is null)
        {
            return null;
        }

        if (TryParseRedis(raw, out var problem))
        {
            return raw;
        }

        reader.AddValueError(AriaVariables.Redis, SecretMasker.MaskRedis(raw), problem);
        return null;
    }

    /// <summary>Accepts <c>host:port</c> or a StackExchange.Redis connection string naming at least one endpoint.</summary>
    internal static bool TryParseRedis(string raw, out string problem)
    {
        try
        {
            var parsed = ConfigurationOptions.Parse(raw);
            problem = "names no Redis endpoint (use host:port or a connection string such as 'redis:6379,password=...')";
            return parsed.EndPoints.Count > 0;
        }
        catch (ArgumentException ex)
        {
            problem = $"is not a Redis connection string: {ex.Message.ReplaceLineEndings(" ")}";
            return false;
        }
    }

    /// <summary>Comma separated browser origins, each <c>http(s)://host[:port]</c> with no path.</summary>
    internal static bool TryParseOrigins(string raw, out IReadOnlyList<Uri> value, out string problem)
    {
        var origins = new List<Uri>();
        value = origins;
        problem = "must be comma separated origins such as https://desk.example.com or http://127.0.0.1:3000 (scheme, host and port; no path)";
        foreach (var entry in raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!HttpUrlParser.TryParse(entry, out var origin, out _) || origin!.AbsolutePath != "/" || origin.Query.Length > 0
                || entry.EndsWith('/') || origin.UserInfo.Length > 0)
            {
                problem = $"'{entry}' is not an origin; {problem}";
                return false;
            }

            origins.Add(origin);
        }

        return true;
    }

    /// <summary>An IP address of one interface, or a host name, that other silos and clients can reach.</summary>
    internal static bool TryParseAddress(string raw, out string value, out string problem)
    {
        value = raw;
        problem = "must be this machine's address on the silos' network: an IPv4 address (not 0.0.0.0, which names no interface) or a host name";
        if (System.Net.IPAddress.TryParse(raw, out var ip))
        {
            return ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !ip.Equals(System.Net.IPAddress.Any);
        }

        return Uri.CheckHostName(raw) == UriHostNameType.Dns;
    }

    private static bool TryParseId(string raw, out string value, out string problem)
    {
        value = raw;
        problem = $"must be 1 to {MaxIdLength} characters of letters, digits, '-', '_' or '.'";
        return raw.Length <= MaxIdLength && IdPattern().IsMatch(raw);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex IdPattern();
}
