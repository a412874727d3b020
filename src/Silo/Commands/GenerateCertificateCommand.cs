using System.Security.Cryptography.X509Certificates;
using QppOrleans.Silo.Hosting;

namespace QppOrleans.Silo.Commands;

/// <summary>
/// <c>generate-certificate --out FILE [--subject NAME]</c>: writes a self-signed cluster certificate
/// with its key (PKCS#12, password from <c>QPP_CERTIFICATE_PASSWORD</c> or none) and prints its
/// SHA-256 thumbprint. For a cluster of one's own; a deployment uses a certificate it manages.
/// </summary>
public static class GenerateCertificateCommand
{
    public const string Name = "generate-certificate";

    public static async Task<int> RunAsync(string[] args)
    {
        var output = Option(args, "--out");
        if (output is null)
        {
            await Console.Error.WriteLineAsync("usage: generate-certificate --out FILE [--subject NAME]");
            return 2;
        }

        using var certificate = ClusterTls.CreateSelfSigned(Option(args, "--subject") ?? "qpp-cluster");
        var password = Environment.GetEnvironmentVariable("QPP_CERTIFICATE_PASSWORD");
        await File.WriteAllBytesAsync(output, certificate.Export(X509ContentType.Pkcs12, password));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(output, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        await Console.Out.WriteLineAsync(ClusterTls.Thumbprint(certificate));
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
