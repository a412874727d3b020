using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using QppOrleans.Silo.Hosting;
using QppOrleans.Silo.Schema;

namespace QppOrleans.Api.Hosting;

/// <summary>
/// How this API process reaches grains: a silo of its own with state in a SQLite file (the
/// embedded default), or a client of a PostgreSQL cluster.
/// </summary>
public sealed class OrleansMode(string? dataFile)
{
    /// <summary>The embedded data file; null in cluster mode.</summary>
    public string? DataFile => dataFile;

    public bool IsEmbedded => dataFile is not null;

    /// <summary>Applies the embedded SQLite schema before the silo opens its storage.</summary>
    public async Task PrepareStorageAsync(IServiceProvider services)
    {
        if (IsEmbedded)
        {
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        }
    }

    public void Announce(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var where = IsEmbedded ? $"embedded silo, data file {dataFile}"
            : ClusterTls.From(app.Configuration) is null ? "client of the PostgreSQL cluster, plain TCP to the silos (Orleans:Tls is not configured)"
            : "client of the PostgreSQL cluster over mutual TLS";
        app.Logger.LogInformation("QPP Access API listening on {Addresses} ({Mode})", string.Join(", ", addresses), where);
    }
}
