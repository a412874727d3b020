namespace QppOrleans.Grains.Abstractions;

/// <summary>
/// References to string-keyed grains. Orleans' <c>GetGrain&lt;T&gt;(string)</c> works out the grain
/// interface and grain type from the interface's attributes on every call, about 6 % of
/// a portal read's CPU time (BENCHMARKS.md); here that happens once per interface.
/// </summary>
public static class GrainReferences
{
    public static T Reference<T>(this IGrainFactory grains, string key)
        where T : IGrainWithStringKey
    {
        var (grainType, interfaceType) = Resolved<T>.Types ??= Resolve<T>(grains);
        return (T)grains.GetGrain(GrainId.Create(grainType, key), interfaceType);
    }

    private static (GrainType, GrainInterfaceType) Resolve<T>(IGrainFactory grains)
        where T : IGrainWithStringKey
    {
        var reference = (GrainReference)(object)grains.GetGrain<T>("resolve");
        return (reference.GrainId.Type, reference.InterfaceType);
    }

    private static class Resolved<T>
    {
        public static (GrainType, GrainInterfaceType)? Types;
    }
}
