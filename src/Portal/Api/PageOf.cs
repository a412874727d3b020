using System.Globalization;

namespace QppOrleans.WebPortal.Api;

/// <summary>Which page of a list the API should answer (API.md: <c>?page=</c> from 1, <c>?pageSize=</c> at most 200).</summary>
public readonly record struct PageOf(int Page, int Size)
{
    public const int MaxSize = 200;

    /// <summary>The page a person asked for, kept within what the API accepts.</summary>
    public static PageOf Of(int page, int size) => new(Math.Clamp(page, 1, 100_000), Math.Clamp(size, 1, MaxSize));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"page={Page}&pageSize={Size}");
}
