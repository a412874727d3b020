using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QppOrleans.Silo.Commands;
using QppOrleans.Silo.Hosting;
using QppOrleans.Silo.Schema;

// A cluster silo. `migrate` applies the PostgreSQL schema and exits; without it the silo
// migrates on start (behind a lock, unless Schema:MigrateOnStart is false) and joins the cluster.
// `generate-directory` writes a synthetic directory file and exits; `generate-certificate` a
// self-signed cluster certificate (Orleans:Tls).
if (args.Length > 0 && args[0] == GenerateDirectoryCommand.Name)
{
    return await GenerateDirectoryCommand.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == GenerateCertificateCommand.Name)
{
    return await GenerateCertificateCommand.RunAsync(args[1..]);
}

var migrateOnly = args.Length > 0 && args[0] == "migrate";
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = migrateOnly ? args[1..] : args,
    ContentRootPath = AppContext.BaseDirectory,
});
var connectionString = builder.Configuration.GetConnectionString(StorageSettings.ConnectionStringName);
if (string.IsNullOrWhiteSpace(connectionString))
{
    await Console.Error.WriteLineAsync(
        "ConnectionStrings:Orleans is not set. A silo process needs PostgreSQL " +
        "(e.g. ConnectionStrings__Orleans=\"Host=127.0.0.1;Username=postgres;Database=qpp\"). " +
        "For the single-process embedded default run `dotnet run --project src/Api` instead.");
    return 2;
}

builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
builder.Services.AddSingleton(sp => new SchemaMigrator(SchemaDialect.PostgreSql, connectionString, sp.GetRequiredService<ILogger<SchemaMigrator>>()));

if (!migrateOnly)
{
    builder.AddQppTelemetry("qpp-silo");
    builder.UseOrleans(silo => silo.UseQppCluster(builder.Configuration, connectionString));
}

using var host = builder.Build();
if (migrateOnly || builder.Configuration.GetValue(StorageSettings.MigrateOnStartKey, true))
{
    await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync();
}

if (!migrateOnly)
{
    if (ClusterTls.From(builder.Configuration) is null)
    {
        host.Services.GetRequiredService<ILogger<ClusterTls>>().LogWarning(
            "Orleans:Tls is not configured: silos and clients talk plain TCP, fit only for one machine's loopback");
    }

    await host.RunAsync();
}

return 0;
