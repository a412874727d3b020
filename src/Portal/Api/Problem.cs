namespace QppOrleans.WebPortal.Api;

/// <summary>
/// An RFC 7807 problem as the API answers it: <see cref="Detail"/> is the message for the person
/// (the seed's text where the guides have one), <see cref="Code"/> the stable machine code, and
/// <see cref="RetryAt"/> when a throttled (429) or locked (423) person may try again, from <c>Retry-After</c>.
/// </summary>
public sealed record Problem(int Status, string? Title, string? Detail, string? Code, Dictionary<string, string[]>? Errors)
{
    public string Message => Detail ?? Title ?? "The request could not be completed.";

    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>The messages of the API's field errors, whatever field they name.</summary>
    public IEnumerable<string> FieldMessages => Errors?.Values.SelectMany(m => m) ?? [];
}
