using System.Text;

namespace QppOrleans.Api.Accounts;

/// <summary>
/// A challenge id names the account (so the request reaches its grain) and carries the random
/// secret that proves the password was checked: <c>{base64url(user id)}.{secret}</c>.
/// </summary>
public static class ChallengeIds
{
    public static string Compose(string userId, string secret) =>
        $"{Convert.ToBase64String(Encoding.UTF8.GetBytes(userId)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.{secret}";

    public static bool TryParse(string challengeId, out string userId, out string secret)
    {
        userId = secret = "";
        var dot = challengeId.IndexOf('.', StringComparison.Ordinal);
        if (challengeId.Length > 200 || dot <= 0 || dot == challengeId.Length - 1)
        {
            return false;
        }

        var encoded = challengeId[..dot].Replace('-', '+').Replace('_', '/');
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded.PadRight(encoded.Length + ((4 - (encoded.Length % 4)) % 4), '='), bytes, out var written))
        {
            return false;
        }

        userId = Encoding.UTF8.GetString(bytes, 0, written);
        secret = challengeId[(dot + 1)..];
        return true;
    }
}
