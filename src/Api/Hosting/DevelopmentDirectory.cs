using System.Text;
using Microsoft.Extensions.Options;
using QppOrleans.Api.Accounts;
using QppOrleans.Api.Directory;
using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Directory;

namespace QppOrleans.Api.Hosting;

/// <summary>
/// Development: once started, imports a small synthetic directory that begins with the seed's
/// "Better Business Health" (TIN 000765630), so a newcomer can search and connect at once. The
/// file is the same on every start, so importing it again changes nothing.
/// </summary>
internal sealed class DevelopmentDirectory(
    DirectoryImporter importer, IConfiguration configuration, IOptions<AccessOptions> access, ILogger<DevelopmentDirectory> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var practices = configuration.GetValue("Directory:DevelopmentPractices", 500);
        if (practices <= 0)
        {
            return;
        }

        // The import runs as the Development operator, whom the grains that store the directory check.
        if (access.Value.DevelopmentOperator is not { } developmentOperator)
        {
            logger.LogWarning("No development directory: it is imported as Access:DevelopmentOperator, and there is none");
            return;
        }

        using var file = new MemoryStream();
        await using (var writer = new StreamWriter(file, new UTF8Encoding(false), leaveOpen: true))
        {
            await new DirectoryGenerator(practices).WriteAsync(writer, stoppingToken);
        }

        file.Position = 0;
        try
        {
            var report = await importer.ImportAsync(AccountInput.NormalizeUserId(developmentOperator.UserId), file, cancellationToken: stoppingToken);
            logger.LogInformation("Development directory loaded: {Created} created, {Updated} updated, {Unchanged} unchanged",
                report.Created, report.Updated, report.Unchanged);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The development directory could not be loaded");
        }
    }
}
