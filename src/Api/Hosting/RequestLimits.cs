using Microsoft.AspNetCore.Http.Features;

namespace QppOrleans.Api.Hosting;

/// <summary>
/// Limits on what a request may bring (section <c>Limits</c>), set on purpose rather than left to
/// Kestrel's defaults: a portal request is a few kilobytes of JSON; only the operators' NDJSON
/// imports are large, and they are streamed.
/// </summary>
public sealed class RequestLimits
{
    public const string Section = "Limits";

    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Operator imports (directory, R-10, R-13): "any size" in API.md, bounded here by a generous cap.</summary>
    public long MaxImportBytes { get; set; } = 4L << 30;

    public int MaxRequestHeadersTotalBytes { get; set; } = 32 * 1024;

    public int MaxRequestHeaderCount { get; set; } = 64;

    public int MaxRequestLineBytes { get; set; } = 8 * 1024;

    public static void Configure(WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(Section).Get<RequestLimits>() ?? new RequestLimits();
        builder.Services.AddSingleton(limits);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = limits.MaxRequestHeadersTotalBytes;
            kestrel.Limits.MaxRequestHeaderCount = limits.MaxRequestHeaderCount;
            kestrel.Limits.MaxRequestLineSize = limits.MaxRequestLineBytes;
        });
    }

    /// <summary>Lifts the body limit for an import endpoint, before its body is read.</summary>
    public static void AllowImport(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = http.RequestServices.GetRequiredService<RequestLimits>().MaxImportBytes;
        }
    }
}
