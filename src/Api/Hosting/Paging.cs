using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using QppOrleans.Api.Errors;

namespace QppOrleans.Api.Hosting;

/// <summary>
/// Lists that can grow are paged (API.md): <c>?page=</c> from 1 and <c>?pageSize=</c> (default 50,
/// at most 200), newest first, with the total in <c>X-Total-Count</c>.
/// </summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxPage = 100_000;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>The paging asked for, or the 400 that says what is wrong with it.</summary>
    public static ValidationProblem? TryRead(int? page, int? pageSize, out Paging paging)
    {
        paging = new Paging(page ?? 1, pageSize ?? DefaultPageSize);
        return page is < 1 or > MaxPage ? ApiProblems.Invalid("page", $"page is a number from 1 to {MaxPage}.")
            : pageSize is < 1 or > MaxPageSize ? ApiProblems.Invalid("pageSize", $"pageSize is a number from 1 to {MaxPageSize}.")
            : null;
    }

    /// <summary>This page of a list already in order, with the list's total in <c>X-Total-Count</c>.</summary>
    public T[] Of<T>(IReadOnlyCollection<T> all, HttpContext http)
    {
        Total(http, all.Count);
        return [.. all.Skip(Skip).Take(PageSize)];
    }

    public static void Total(HttpContext http, int total) =>
        http.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
}
