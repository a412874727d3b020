namespace QppOrleans.Api.Accounts;

/// <summary>Who holds the operator role (section <c>Access</c>): configuration only, never the API.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>User ids, compared after normalization.</summary>
    public string[] Operators { get; set; } = [];
}
