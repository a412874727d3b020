namespace QppOrleans.Api.Hosting;

/// <summary>
/// A request that matches no endpoint is a 404 for everyone. Without this, the fallback
/// authorization policy (signed in) would answer 401 to an anonymous caller of a route that does
/// not exist, and a 404 only to those with a token.
/// </summary>
internal static class UnknownRoutes
{
    public static IApplicationBuilder UseUnknownRoutesAsNotFound(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.GetEndpoint() is not null)
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    });
}
