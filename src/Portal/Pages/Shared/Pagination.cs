using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace QppOrleans.WebPortal.Pages.Shared;

/// <summary>
/// USWDS pagination under a paged list: the page shown, its neighbours, the first and the last,
/// each a link to the same screen with <c>?p=</c> set (every other query value kept).
/// </summary>
public sealed record Pagination(int Page, int PageSize, long Total, string Label, string Path, IReadOnlyList<KeyValuePair<string, string>> Query)
{
    public const string Parameter = "p";

    public int LastPage => Total <= 0 ? 1 : (int)((Total + PageSize - 1) / PageSize);

    public bool Shown => LastPage > 1;

    public static Pagination For(HttpRequest request, int page, int pageSize, long? total, string label) =>
        new(page, pageSize, total ?? 0, label, request.PathBase + request.Path,
            [.. QueryHelpers.ParseQuery(request.QueryString.Value).Where(q => q.Key != Parameter).SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? "")))]);

    public string Href(int page)
    {
        var query = new QueryBuilder(Query) { { Parameter, page.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        return Path + query.ToQueryString();
    }

    /// <summary>The page numbers to show, with null where pages are left out (an ellipsis).</summary>
    public IEnumerable<int?> Slots()
    {
        var shown = new SortedSet<int> { 1, LastPage };
        for (var n = Math.Max(1, Page - 1); n <= Math.Min(LastPage, Page + 1); n++)
        {
            shown.Add(n);
        }

        var previous = 0;
        foreach (var n in shown)
        {
            if (n > previous + 1)
            {
                yield return null;
            }

            yield return n;
            previous = n;
        }
    }
}
