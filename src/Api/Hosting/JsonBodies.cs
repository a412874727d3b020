using Microsoft.Net.Http.Headers;
using QppOrleans.Api.Errors;

namespace QppOrleans.Api.Hosting;

/// <summary>
/// How request bodies are read. JSON and NDJSON are UTF-8 (RFC 8259 §8.1): a body that declares
/// another charset is refused with 415 before anything reads it (an unknown charset made the
/// JSON reader fail with a 500). An object naming a property twice is refused (400): parsers
/// differ on which of the two counts, so a gateway and this API could disagree on what was asked.
/// </summary>
internal static class JsonBodies
{
    public static void AddQppJsonBodies(this WebApplicationBuilder builder) =>
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.AllowDuplicateProperties = false);

    public static IApplicationBuilder UseUtf8Bodies(this WebApplication app) => app.Use((context, next) =>
        MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) && type.Charset.HasValue && !IsUtf8(type.Charset.Value!)
            ? ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "The body must be UTF-8.",
                "Request bodies are JSON in UTF-8: send charset=utf-8 or no charset.").ExecuteAsync(context)
            : next(context));

    private static bool IsUtf8(string charset) =>
        charset.Trim('"') is var name && (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase));
}
