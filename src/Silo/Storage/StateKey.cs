namespace QppOrleans.Silo.Storage;

/// <summary>
/// The primary key of one grain's state row in <c>qpp_grain_state</c>. A grain id is split the way
/// the Orleans ADO.NET provider splits it (a GUID or an integer key into the two numbers, anything
/// else kept as the string), so that rows it wrote read the same.
/// </summary>
public readonly record struct StateKey(string ServiceId, string StateName, long N0, long N1, string Text)
{
    public static StateKey Of(string serviceId, string stateName, GrainId grainId)
    {
        if (grainId.TryGetGuidKey(out var guid, out var extension))
        {
            var bytes = guid.ToByteArray();
            return new(serviceId, stateName, BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8), extension ?? "");
        }

        if (grainId.TryGetIntegerKey(out var integer, out extension))
        {
            return new(serviceId, stateName, 0, integer, extension ?? "");
        }

        return new(serviceId, stateName, 0, 0, grainId.Key.ToString()!);
    }
}
