namespace QppOrleans.WebPortal.Api;

/// <summary>
/// What one API call answered: a value, or the problem the API gave. <see cref="Total"/> is the
/// length of the whole list when the value is one page of it (<c>X-Total-Count</c>).
/// </summary>
public sealed record ApiResult<T>(T? Value, Problem? Problem, string? ETag, long? Total = null)
{
    public bool Ok => Problem is null;
}
