using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QppOrleans.WebPortal.Api;

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
