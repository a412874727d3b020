using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Grains.Directory;

/// <summary>How a directory entry is stored: JSON, with the SHA-256 of that JSON telling whether it changed.</summary>
public static class DirectoryJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static (string Json, string Hash) Write(DirectoryEntry entry)
    {
        var json = JsonSerializer.Serialize(entry, Options);
        return (json, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))));
    }

    public static DirectoryEntry Read(string json) =>
        JsonSerializer.Deserialize<DirectoryEntry>(json, Options) ?? throw new InvalidDataException("An empty directory row.");
}
