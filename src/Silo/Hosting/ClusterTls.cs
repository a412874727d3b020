using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Orleans.Connections.Security;

namespace QppOrleans.Silo.Hosting;

/// <summary>
/// Mutual TLS between silos, and between API clients and silos (section <c>Orleans:Tls</c>): each
/// process presents the cluster's certificate, and accepts a peer only if the peer presents that
/// certificate or one whose SHA-256 thumbprint is listed (to roll a new certificate in, list it
/// before deploying it). Without a certificate the transport is plain TCP, and the hosts say so
/// at start: only for a single machine's loopback.
/// </summary>
public sealed class ClusterTls
{
    public const string Section = "Orleans:Tls";

    /// <summary>A PKCS#12 (.pfx) file with the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>SHA-256 thumbprints (hex) of further certificates accepted from peers.</summary>
    public string[] TrustedThumbprints { get; set; } = [];

    /// <summary>The settings, or null when no certificate is configured.</summary>
    public static ClusterTls? From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ClusterTls>() is { CertificatePath.Length: > 0 } tls ? tls : null;

    public X509Certificate2 LoadCertificate()
    {
        if (!File.Exists(CertificatePath))
        {
            throw new InvalidOperationException($"Orleans:Tls:CertificatePath: there is no file {CertificatePath}.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, CertificatePassword);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"Orleans:Tls:CertificatePath: {CertificatePath} holds no private key.");
    }

    /// <summary>Both ends present a certificate; a peer is accepted only by its thumbprint, whoever issued it.</summary>
    public void Configure(TlsOptions options, X509Certificate2 certificate)
    {
        var trusted = TrustedThumbprints.Select(t => t.Replace(":", "", StringComparison.Ordinal).ToUpperInvariant())
            .Append(Thumbprint(certificate)).ToHashSet(StringComparer.Ordinal);
        options.LocalCertificate = certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (remote, _, _) => remote is not null && trusted.Contains(Thumbprint(remote));
    }

    public static string Thumbprint(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>A self-signed certificate for a cluster of one's own (development, tests, the local cluster script).</summary>
    public static X509Certificate2 CreateSelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(2));
    }
}
