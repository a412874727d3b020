namespace QppOrleans.Grains;

/// <summary>The two ways the service runs, as <see cref="QppMetrics.StorageWrites"/> tells them apart.</summary>
public static class StorageMode
{
    /// <summary>One process, a SQLite file.</summary>
    public const string Embedded = "embedded";

    /// <summary>Silos on PostgreSQL.</summary>
    public const string Cluster = "cluster";
}
