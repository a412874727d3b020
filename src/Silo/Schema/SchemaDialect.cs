namespace QppOrleans.Silo.Schema;

/// <summary>The two databases the project ships a schema for.</summary>
public enum SchemaDialect
{
    /// <summary>Cluster mode: clustering, grain state and reminders.</summary>
    PostgreSql,

    /// <summary>The embedded default: grain state only.</summary>
    Sqlite,
}
