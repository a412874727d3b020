namespace QppOrleans.Api.Accounts;

/// <summary>Bearer tokens (section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public const int MinimumKeyBytes = 32;

    /// <summary>The key the Development settings ship; refused in any other environment.</summary>
    public const string DevelopmentSigningKey = "development-only-signing-key-never-use-it-in-production";

    public string Issuer { get; set; } = "qpp-access";

    public string Audience { get; set; } = "qpp-portal";

    /// <summary>HMAC-SHA256 key, at least 32 bytes of UTF-8. Only Development settings ship one.</summary>
    public string? SigningKey { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long the API trusts what it last learned of an account: a token of an account that
    /// locked (or no longer exists) stops working within this bound.
    /// </summary>
    public TimeSpan AccountCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
