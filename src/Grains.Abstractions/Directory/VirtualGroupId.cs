namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>A Virtual Group ID .</summary>
[GenerateSerializer, Immutable, Alias("qpp.directory.VirtualGroupId")]
public readonly record struct VirtualGroupId([property: Id(0)] string Value)
{
    public static bool TryParse(string? text, out VirtualGroupId id, out string error)
    {
        var ok = ProgramId.TryNormalize(text, "A Virtual Group ID", out var value, out error);
        id = ok ? new VirtualGroupId(value) : default;
        return ok;
    }

    public override string ToString() => Value;
}
