using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Hosting;
using QppOrleans.WebPortal.Pages.Shared;

namespace QppOrleans.WebPortal.Pages;

/// <summary>What every portal page has: the API, the problem it last answered, and a notice carried over a redirect.</summary>
public abstract class PortalPage : PageModel
{
    protected QppClient Api => HttpContext.RequestServices.GetRequiredService<QppClient>();

    /// <summary>The API's refusal, shown in an alert with its <c>detail</c> (the seed's text where there is one).</summary>
    public Problem? Problem { get; set; }

    /// <summary>A success message shown once, after a redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>The page of a list the person asked for (<c>?p=</c>), of the portal's page size.</summary>
    protected PageOf Paging => PageOf.Of(
        int.TryParse(Request.Query[Pagination.Parameter], NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : 1,
        HttpContext.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.PageSize);

    /// <summary>The pagination under a list of which <paramref name="shown"/> is this page.</summary>
    protected Pagination PaginationOf<T>(ApiResult<T> shown, string label) =>
        Pagination.For(Request, Paging.Page, Paging.Size, shown.Total, label);

    /// <summary>Shows <paramref name="problem"/>; its field errors go under the fields named in <paramref name="fields"/> (API field → form field).</summary>
    protected PageResult Show(Problem problem, IReadOnlyDictionary<string, string>? fields = null)
    {
        Problem = problem;
        foreach (var (key, messages) in problem.Errors ?? [])
        {
            var field = fields is not null && fields.TryGetValue(key, out var mapped) ? mapped
                : key.Length > 0 ? char.ToUpperInvariant(key[0]) + key[1..] : key;
            foreach (var message in messages)
            {
                ModelState.AddModelError(field, message);
            }
        }

        return Page();
    }
}
