using System.Text.Json;

namespace QppOrleans.Bench;

/// <summary>How the report is written.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
