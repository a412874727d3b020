using System.Net;
using System.Net.Sockets;

namespace QppOrleans.Api.Hosting;

/// <summary>
/// The client a request counts against: its IPv4 address, or the /64 network of its IPv6 address
/// (one subscriber is given a whole /64, so each of its addresses is the same client).
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext http) => Of(http.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
