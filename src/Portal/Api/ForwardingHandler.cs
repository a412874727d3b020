using System.Net.Http.Headers;
using QppOrleans.WebPortal.Session;

namespace QppOrleans.WebPortal.Api;

/// <summary>
/// The portal is a proxy hop in front of the API: each call carries the person's bearer token and,
/// in <c>X-Forwarded-For</c>, the address of the browser the portal is serving (never a header the
/// browser sent), so that the API's per-client limits see people, not the portal's one address.
/// </summary>
public sealed class ForwardingHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } http)
        {
            if (request.Headers.Authorization is null && PortalSession.Token(http.User) is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            request.Headers.Remove("X-Forwarded-For");
            if (http.Connection.RemoteIpAddress is { } client)
            {
                request.Headers.TryAddWithoutValidation("X-Forwarded-For", (client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client).ToString());
            }
        }

        return base.SendAsync(request, cancellationToken);
    }
}
