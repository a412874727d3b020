using QppOrleans.Silo.Hosting;

namespace QppOrleans.Api.Hosting;

/// <summary>
/// Headers every answer carries: no sniffing, no framing, no referrer, a content policy that lets
/// a JSON answer load nothing, and no caching of anything under <c>/api</c> (it is personal data).
/// The Development API page (<c>/scalar</c>) and the operators' dashboard keep policies they can
/// run under, and the portal's pages keep the one they set. HSTS belongs to the
/// gateway that terminates TLS; the API adds it too when it serves HTTPS itself.
/// </summary>
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(AddTo, context);
        return next(context);
    });

    /// <summary>Static, with the context as its state: no closure allocated per request.</summary>
    private static Task AddTo(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // The portal's pages set a policy of their own (their own styles, scripts and fonts, nothing else).
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase)
                ? "frame-ancestors 'none'"
                : context.Request.Path.StartsWithSegments(QppDashboard.Path, StringComparison.OrdinalIgnoreCase)
                    ? "default-src 'self'; frame-ancestors 'none'"
                    : "default-src 'none'; frame-ancestors 'none'";
        }
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = "no-store";
        }

        return Task.CompletedTask;
    }
}
