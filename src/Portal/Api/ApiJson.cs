using System.Text.Json;

namespace QppOrleans.WebPortal.Api;

/// <summary>The API's JSON: camelCase, as API.md has it.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
