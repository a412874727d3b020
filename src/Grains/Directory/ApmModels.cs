using System.Text.Json;

namespace QppOrleans.Grains.Directory;

/// <summary>The APM model list: data in <c>apm-models.json</c>, so a new model is a new row.</summary>
public static class ApmModels
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<ApmModel> All { get; } = Load();

    public static ApmModel? Find(string? id) => All.FirstOrDefault(m => m.Id == id);

    private static ApmModel[] Load()
    {
        using var stream = typeof(ApmModels).Assembly.GetManifestResourceStream("QppOrleans.Grains.Directory.apm-models.json")
            ?? throw new InvalidOperationException("The APM model list is missing from the assembly.");
        return JsonSerializer.Deserialize<ApmModel[]>(stream, Json)
            ?? throw new InvalidOperationException("The APM model list is empty.");
    }
}
