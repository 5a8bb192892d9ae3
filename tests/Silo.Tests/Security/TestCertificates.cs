using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AriaPro.Silo.Tests.Security;

/// <summary>
/// A deployment's own certificate authority, made for one test class: a CA certificate (PEM) and
/// member certificates it issues (PFX with their keys), as <c>deploy/cluster-certs.sh</c> makes them.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    public const string Password = "test-cluster-pfx";

    private readonly X509Certificate2 _authority;

    public TestCertificates(string name = "AriaPro test CA")
    {
        Folder = Directory.CreateTempSubdirectory("aria-cluster-tls-").FullName;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        _authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        AuthorityPem = Path.Combine(Folder, "ca.pem");
        File.WriteAllText(AuthorityPem, _authority.ExportCertificatePem());
    }

    public string Folder { get; }

    /// <summary>The CA certificate, PEM.</summary>
    public string AuthorityPem { get; }

    /// <summary>Issues a member certificate (server and client authentication) and writes it as a PFX; returns its path.</summary>
    public string Issue(string name, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(_authority, DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddDays(7), serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        var path = Path.Combine(Folder, $"{name}.pfx");
        File.WriteAllBytes(path, withKey.Export(X509ContentType.Pkcs12, Password));
        return path;
    }

    /// <summary>The silo variables for mutual TLS with a certificate named <paramref name="name"/>.</summary>
    public Dictionary<string, string?> SiloVariables(string name) => new()
    {
        ["ARIA_CLUSTER_TLS_CERT"] = Issue(name),
        ["ARIA_CLUSTER_TLS_CERT_PASSWORD"] = Password,
        ["ARIA_CLUSTER_TLS_CA"] = AuthorityPem,
    };

    public void Dispose()
    {
        _authority.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
