using System.Text.Json;

namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>The APM model list: data in <c>apm-models.json</c>, so a new model is a new row.</summary>
public static class ApmModels
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<ApmModel> All { get; } = Load();

    public static ApmModel? Find(string? id) => All.FirstOrDefault(m => m.Id == id);

    /// <summary>
    /// How many participant TINs a first Security Official of this APM entity gives: two, or
    /// one for a single-TIN entity; null where the model wants a TIN/NPI pair.
    /// </summary>
    public static int? TinsRequired(DirectoryEntry entry) =>
        Find(entry.ApmModel) is { Validation: ApmModel.TwoTins }
            ? entry.Participants.Select(p => p.Tin).Distinct().Count() == 1 ? 1 : 2
            : null;

    private static ApmModel[] Load()
    {
        using var stream = typeof(ApmModels).Assembly.GetManifestResourceStream("QppOrleans.Grains.Abstractions.Directory.apm-models.json")
            ?? throw new InvalidOperationException("The APM model list is missing from the assembly.");
        return JsonSerializer.Deserialize<ApmModel[]>(stream, Json)
            ?? throw new InvalidOperationException("The APM model list is empty.");
    }
}
