using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace QppOrleans.WebPortal.Hosting;

/// <summary>
/// Where the portal reaches the API: <c>Portal:ApiBaseUrl</c>, or else the address this host
/// listens on, over loopback. Never the request's Host header: the person's token goes there.
/// </summary>
public sealed class ApiAddress(IOptions<PortalOptions> options, IServer server)
{
    private Uri? resolved;

    public Uri BaseAddress => resolved ??= options.Value.ApiBaseUrl ?? OwnAddress();

    private Uri OwnAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The portal does not know where the API is: set Portal:ApiBaseUrl.");

        // A wildcard binding is not an address to call: the same port on loopback is.
        var callable = chosen.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://[::1]", StringComparison.Ordinal);
        return new Uri(callable.TrimEnd('/') + "/");
    }
}
