namespace QppOrleans.WebPortal.Pages.Settings;

/// <summary>The account audit's actions (A-7 … A-9) in words a person reads; an action this list lacks shows as the API names it.</summary>
public static class AccountActions
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["one-time-code-sent"] = "Verification code sent",
        ["account-signed-out"] = "Signed out",
        ["account-signed-out-everywhere"] = "Signed out of every session",
        ["account-password-changed"] = "Password changed",
        ["account-password-reset"] = "Password reset",
        ["account-device-added"] = "Verification device added",
        ["account-device-removed"] = "Verification device removed",
        ["account-codes-locked"] = "Sign-in codes locked after wrong codes",
        ["account-operator-provisioned"] = "Operator account provisioned",
    };

    public static string Name(string action) => Words.TryGetValue(action, out var words) ? words : action;
}
