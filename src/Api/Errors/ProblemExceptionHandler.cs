using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime;
using Orleans.Storage;
using QppOrleans.Grains.Abstractions;

namespace QppOrleans.Api.Errors;

/// <summary>
/// Turns exceptions into problem details: unreadable requests are the client's (4xx), a lost
/// optimistic-concurrency race is a conflict (409), an unreachable cluster or database is a
/// temporary outage (503). Nothing is ever reported as a success that was not stored, and a
/// failure whose outcome is unknown (a silo lost mid-call, a timeout) says so.
/// Stack traces appear only in Development.
/// </summary>
internal sealed class ProblemExceptionHandler(
    IProblemDetailsService problems,
    IHostEnvironment environment,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Request {Method} {Path} failed: {Code}", httpContext.Request.Method, httpContext.Request.Path, problem.Extensions[ProblemCodes.Key]);
            if (environment.IsDevelopment())
            {
                problem.Extensions["exception"] = exception.ToString();
            }
        }
        else
        {
            logger.LogInformation("Request {Method} {Path} refused: {Detail}", httpContext.Request.Method, httpContext.Request.Path, problem.Detail);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Describe(Exception exception) => exception switch
    {
        BadHttpRequestException bad => Problem(bad.StatusCode, ProblemCodes.ForStatus(bad.StatusCode), "The request could not be read.", bad.Message),
        OperatorRequiredException => Problem(403, "forbidden", "Not allowed.", "Only an operator may do this."),
        InconsistentStateException => Problem(409, "concurrent-change", "The record changed while this request was processed.",
            "Another change to the same record was saved first. Read it again and retry."),
        DbException or StorageUnavailableException => Problem(503, "service-unavailable", "The service is temporarily unavailable.",
            "The database could not be reached, so the change was not saved. Please try again in a few seconds."),
        OrleansException or TimeoutException => Problem(503, "service-unavailable", "The service is temporarily unavailable.",
            "The service could not confirm the change. Read the record again before retrying, " +
            "or repeat the request with the same Idempotency-Key."),
        _ => Problem(500, "internal-error", "An unexpected error occurred.", "The change was not saved. The error has been logged."),
    };

    private static ProblemDetails Problem(int status, string code, string title, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions[ProblemCodes.Key] = code;
        return problem;
    }
}
