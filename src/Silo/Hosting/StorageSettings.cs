namespace QppOrleans.Silo.Hosting;

/// <summary>Where state lives: PostgreSQL in cluster mode, a SQLite file in the embedded default.</summary>
public static class StorageSettings
{
    public const string ConnectionStringName = "Orleans";
    public const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// The ADO.NET providers' name for SQLite; Orleans 10.4 serves it with Microsoft.Data.Sqlite.
    /// </summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    /// <summary>Configuration key of the embedded data file, relative to the content root.</summary>
    public const string DataFileKey = "Embedded:DataFile";
    public const string DefaultDataFile = "data/qpp.db";

    /// <summary>Configuration key that turns the start-up migration off (the migrator ran before).</summary>
    public const string MigrateOnStartKey = "Schema:MigrateOnStart";
}
