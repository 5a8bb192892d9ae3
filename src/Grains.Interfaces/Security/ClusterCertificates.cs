using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AriaPro.Grains.Interfaces.Security;

/// <summary>
/// Mutual TLS between the parts of one deployment: every silo and every SDK client holds a
/// certificate issued by the deployment's own certificate authority, and each end of a connection
/// (silo to silo, client to gateway) accepts the other only when its certificate chains to that
/// authority. The authority is private to the deployment, so being issued by it is what membership
/// means: names in the certificates are not checked, and a public CA is never trusted.
/// </summary>
public static class ClusterCertificates
{
    /// <summary>Opens a PFX file holding a certificate and its private key.</summary>
    /// <exception cref="ArgumentException">The file cannot be opened with <paramref name="password"/>, or has no private key.</exception>
    public static X509Certificate2 LoadCertificate(string pfxPath, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(pfxPath, password);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ArgumentException($"{pfxPath} cannot be opened as a PFX with the password given: {exception.Message}", nameof(pfxPath), exception);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new ArgumentException($"{pfxPath} holds no private key; a TLS end needs its own key", nameof(pfxPath));
        }

        return certificate;
    }

    /// <summary>Opens a PEM file of one or more CA certificates (the deployment's authority).</summary>
    /// <exception cref="ArgumentException">The file cannot be read or holds no certificate.</exception>
    public static X509Certificate2Collection LoadAuthority(string pemPath)
    {
        var authority = new X509Certificate2Collection();
        try
        {
            authority.ImportFromPemFile(pemPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ArgumentException($"{pemPath} cannot be read as PEM certificates: {exception.Message}", nameof(pemPath), exception);
        }

        if (authority.Count == 0)
        {
            throw new ArgumentException($"{pemPath} holds no PEM certificate (-----BEGIN CERTIFICATE-----)", nameof(pemPath));
        }

        return authority;
    }

    /// <summary>
    /// True when <paramref name="certificate"/> is valid now and chains to one of the
    /// <paramref name="authority"/>'s certificates, and nothing else is trusted.
    /// </summary>
    public static bool IsIssuedBy(X509Certificate2 certificate, X509Certificate2Collection authority)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(authority);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authority);
        // A private authority publishes no revocation list: revoke by rotating the authority.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        try
        {
            return chain.Build(certificate);
        }
        finally
        {
            foreach (var element in chain.ChainElements)
            {
                if (!ReferenceEquals(element.Certificate, certificate))
                {
                    element.Certificate.Dispose();
                }
            }
        }
    }
}
