using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace QppOrleans.Tests.Infrastructure;

/// <summary>The service's <c>/openapi/v1.json</c>: which statuses each operation says it answers.</summary>
public sealed class OpenApiDocument
{
    private readonly Dictionary<(string Method, string Template), HashSet<int>> operations = [];

    private OpenApiDocument(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("responses", out _)))
            {
                operations[(operation.Name.ToUpperInvariant(), path.Name)] =
                    [.. operation.Value.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture))];
            }
        }
    }

    public IReadOnlyCollection<(string Method, string Template)> Operations => operations.Keys;

    public static async Task<OpenApiDocument> ReadAsync(HttpClient http) =>
        new(await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json"));

    public IReadOnlySet<int> Statuses(string method, string template) =>
        operations.TryGetValue((method, template), out var statuses) ? statuses : throw new KeyNotFoundException($"{method} {template} is not in the OpenAPI document");

    /// <summary>The operation a concrete request path is routed to: literal segments win over parameters.</summary>
    public (string Method, string Template)? Find(string method, string path)
    {
        var bare = path.Split('?')[0];
        return operations.Keys
            .Where(o => o.Method == method && Regex.IsMatch(bare, "^" + Regex.Replace(Regex.Escape(o.Template), @"\\\{[^}]*}", "[^/]+") + "/?$"))
            .OrderBy(o => o.Template.Count(c => c == '{'))
            .Select(o => ((string, string)?)o)
            .FirstOrDefault();
    }
}
