namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>An APM Entity ID .</summary>
[GenerateSerializer, Immutable, Alias("qpp.directory.ApmEntityId")]
public readonly record struct ApmEntityId([property: Id(0)] string Value)
{
    public static bool TryParse(string? text, out ApmEntityId id, out string error)
    {
        var ok = ProgramId.TryNormalize(text, "An APM Entity ID", out var value, out error);
        id = ok ? new ApmEntityId(value) : default;
        return ok;
    }

    public override string ToString() => Value;
}
