using System.Text;

namespace QppOrleans.Tests.Infrastructure;

/// <summary>Requests with a body written by hand (NDJSON imports, raw JSON), the body disposed with the request.</summary>
public static class HttpBodies
{
    public static Task<HttpResponseMessage> PostNdjsonAsync(this HttpClient http, string path, string lines) =>
        http.SendTextAsync(HttpMethod.Post, path, lines, "application/x-ndjson");

    public static async Task<HttpResponseMessage> SendTextAsync(this HttpClient http, HttpMethod method, string path, string text, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(text, Encoding.UTF8, mediaType) };
        return await http.SendAsync(request);
    }
}
