using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Session;

namespace QppOrleans.WebPortal.Hosting;

/// <summary>
/// Around every portal page: a content policy that lets the page load its own styles, scripts,
/// fonts and images and nothing else, no caching (the pages show personal data), and the end of
/// the session when the API no longer takes its token.
/// </summary>
public sealed class PortalPageFilter : IAsyncPageFilter
{
    public const string ContentPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentPolicy;
        headers.CacheControl = "no-store";

        var executed = await next();
        if (executed.Exception is SessionEndedException)
        {
            executed.ExceptionHandled = true;
            await PortalSession.SignOutAsync(context.HttpContext);
            executed.Result = new Microsoft.AspNetCore.Mvc.RedirectResult("/sign-in?ended=true");
        }
    }
}
