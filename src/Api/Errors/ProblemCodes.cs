using Microsoft.AspNetCore.Http.Features;

namespace QppOrleans.Api.Errors;

/// <summary>Gives every problem a stable machine <c>code</c> and the trace id to quote to support.</summary>
internal static class ProblemCodes
{
    public const string Key = "code";

    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!problem.Extensions.ContainsKey(Key))
        {
            problem.Extensions[Key] = ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
        }

        var activity = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity;
        problem.Extensions["traceId"] = activity?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
    }

    public static string ForStatus(int status) => status switch
    {
        400 => "bad-request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        409 => "conflict",
        412 => "precondition-failed",
        413 => "payload-too-large",
        415 => "unsupported-media-type",
        429 => "too-many-requests",
        503 => "service-unavailable",
        _ when status >= 500 => "internal-error",
        _ => "error",
    };
}
