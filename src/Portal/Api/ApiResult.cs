namespace QppOrleans.WebPortal.Api;

/// <summary>What one API call answered: a value, or the problem the API gave.</summary>
public sealed record ApiResult<T>(T? Value, Problem? Problem, string? ETag)
{
    public bool Ok => Problem is null;
}
