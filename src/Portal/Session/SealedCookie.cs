using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Session;

/// <summary>
/// A step's draft between two pages of a flow (the open sign-in challenge, the organizations
/// picked so far), kept in the person's browser sealed by Data Protection: HttpOnly, SameSite=Strict,
/// unreadable and unforgeable there, and nothing to share between portal instances but the keys.
/// </summary>
public sealed class SealedCookie<T>(IDataProtectionProvider protection, string name, TimeSpan lifetime) where T : class
{
    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("qpp-portal", name).ToTimeLimitedDataProtector();

    public T? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(name, out var sealedText) || string.IsNullOrEmpty(sealedText))
        {
            return null;
        }

        try
        {
            var json = protector.Unprotect(sealedText, out _);
            return JsonSerializer.Deserialize<T>(json, ApiJson.Options);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    public void Write(HttpContext http, T value)
    {
        var sealedText = protector.Protect(JsonSerializer.Serialize(value, ApiJson.Options), lifetime);
        http.Response.Cookies.Append(name, sealedText, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            IsEssential = true,
            MaxAge = lifetime,
            Path = "/",
        });
    }

    public void Delete(HttpContext http) => http.Response.Cookies.Delete(name, new CookieOptions { Path = "/", SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps });
}
