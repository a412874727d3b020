namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>A registry's or QCDR's Vendor ID .</summary>
[GenerateSerializer, Immutable, Alias("qpp.directory.VendorId")]
public readonly record struct VendorId([property: Id(0)] string Value)
{
    public static bool TryParse(string? text, out VendorId id, out string error)
    {
        var ok = ProgramId.TryNormalize(text, "A Vendor ID", out var value, out error);
        id = ok ? new VendorId(value) : default;
        return ok;
    }

    public override string ToString() => Value;
}
