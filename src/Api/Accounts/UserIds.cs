namespace QppOrleans.Api.Accounts;

/// <summary>User ids are compared case-insensitively; this is the one spelling kept.</summary>
public static class UserIds
{
    public static string Normalize(string userId) => userId.Trim().ToLowerInvariant();
}
