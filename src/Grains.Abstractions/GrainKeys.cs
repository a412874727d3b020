namespace QppOrleans.Grains.Abstractions;

/// <summary>
/// Builds grain keys. Every string key starts with a non-hex word so that the ADO.NET storage
/// never reads it as an integer (dotnet/orleans#9706: "020235" and "20235" would share a row).
/// </summary>
public static class GrainKeys
{
    public static string Probe(string name) => $"probe/{name}";
}
