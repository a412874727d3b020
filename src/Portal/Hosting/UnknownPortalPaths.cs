using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;

namespace QppOrleans.WebPortal.Hosting;

/// <summary>
/// A browser's GET of an address that matches nothing, outside the API host's paths (<c>/api</c>,
/// health, OpenAPI, the API page, the operators' dashboard) and the assets, gets the portal's "Page not found" page with a
/// 404; the API's own paths keep their JSON problem. It runs after routing chose nothing, rather
/// than as a catch-all route: routing picks endpoints by method and content type before it checks
/// a route's constraints, so a catch-all would win over an API endpoint whose body is optional
/// and then fail its constraint, and that endpoint would answer 404.
/// </summary>
public static class UnknownPortalPaths
{
    private static readonly string[] ApiPaths = ["/api", "/health", "/openapi", "/scalar", "/dashboard", PortalHosting.AssetsPath];

    /// <summary>Place after routing and authentication, before whatever answers 404 for unmatched requests.</summary>
    public static IApplicationBuilder UseQppPortalNotFound(this IApplicationBuilder app)
    {
        Endpoint? notFound = null;
        return app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is null && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && !ApiPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                notFound ??= await NotFoundPageAsync(context.RequestServices);
                context.SetEndpoint(notFound);
                context.Request.RouteValues = new RouteValueDictionary { ["page"] = "/NotFound" };
            }

            await next(context);
        });
    }

    /// <summary>The page's endpoint as routing would have chosen it: loaded, so that it can run.</summary>
    private static async Task<Endpoint> NotFoundPageAsync(IServiceProvider services)
    {
        var endpoint = services.GetRequiredService<EndpointDataSource>().Endpoints
            .First(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath == "/NotFound");
        var page = await services.GetRequiredService<PageLoader>().LoadAsync(endpoint.Metadata.GetRequiredMetadata<PageActionDescriptor>(), endpoint.Metadata);
        return page.Endpoint ?? endpoint;
    }
}
