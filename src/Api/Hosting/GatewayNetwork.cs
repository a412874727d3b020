using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace QppOrleans.Api.Hosting;

/// <summary>
/// Which hops may say who the client is (section <c>Network</c>). Behind the portal's API gateway
/// every connection comes from the gateway, so the client's address is the one the gateway puts
/// in <c>X-Forwarded-For</c>; that header is honoured only from the proxies and networks listed
/// here, and from loopback (the portal, when the API host serves it). From anyone else it is
/// ignored, so a client cannot pick the address its rate limits are counted under.
/// </summary>
public sealed class GatewayNetwork
{
    public const string Section = "Network";

    /// <summary>Addresses of the gateways in front of the API, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the gateways live in, in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public static void AddQppForwardedHeaders(WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(Section).Get<GatewayNetwork>() ?? new GatewayNetwork();
        var proxies = settings.KnownProxies.Select(text => IPAddress.TryParse(text, out var address)
            ? address
            : throw new InvalidOperationException($"Network:KnownProxies: '{text}' is not an IP address.")).ToList();
        var networks = settings.KnownNetworks.Select(text => System.Net.IPNetwork.TryParse(text, out var network)
            ? network
            : throw new InvalidOperationException($"Network:KnownNetworks: '{text}' is not a network in CIDR notation (e.g. 10.0.0.0/24).")).ToList();

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Walk the chain from the nearest hop while each hop is trusted (loopback is by
            // default): the first address not trusted is the client.
            options.ForwardLimit = null;
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
    }
}
