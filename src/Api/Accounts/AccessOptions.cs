namespace QppOrleans.Api.Accounts;

/// <summary>Who holds the operator role (section <c>Access</c>): configuration and the provisioning command, never the public API.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>User ids, compared after normalization.</summary>
    public string[] Operators { get; set; } = [];

    /// <summary>Development only: the operator account provisioned at start (refused in any other environment).</summary>
    public DevelopmentOperatorAccount? DevelopmentOperator { get; set; }
}

/// <summary>The Development operator: a known password, so that a newcomer can sign in as an operator.</summary>
public sealed class DevelopmentOperatorAccount
{
    public string UserId { get; set; } = "";

    public string Password { get; set; } = "";

    public string FirstName { get; set; } = "QPP";

    public string LastName { get; set; } = "Operator";

    public string Email { get; set; } = "";

    public override string ToString() => $"{nameof(DevelopmentOperatorAccount)} {{ UserId = {UserId} }}";
}
