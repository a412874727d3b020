using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using QppOrleans.Api.Access;
using QppOrleans.Api.Accounts;
using QppOrleans.Api.Dev;
using QppOrleans.Api.Directory;
using QppOrleans.Api.Errors;
using QppOrleans.Api.Health;
using QppOrleans.Api.Notifications;
using QppOrleans.Api.Registration;
using QppOrleans.Grains.Abstractions.Registration;
using QppOrleans.Silo.Hosting;
using QppOrleans.WebPortal.Hosting;
using Scalar.AspNetCore;

namespace QppOrleans.Api.Hosting;

/// <summary>The API's composition, shared by <c>Program</c> and the tests that host it in-process.</summary>
public static class QppApi
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        RequestLimits.Configure(builder);
        builder.AddQppTelemetry("qpp-api", trace => trace.AddAspNetCoreInstrumentation(), meter => meter.AddAspNetCoreInstrumentation());
        builder.AddQppJsonBodies();
        builder.AddQppOrleans();
        builder.AddQppAuthentication();
        GatewayNetwork.AddQppForwardedHeaders(builder);
        builder.Services.AddSingleton<Throttle>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddQppPermissionTable();
        builder.Services.AddOptions<RegistrationOptions>().Bind(builder.Configuration.GetSection(RegistrationOptions.Section));
        builder.Services.AddSingleton<DirectoryImporter>();
        builder.Services.AddSingleton<DirectorySearch>();
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddHostedService<DevelopmentOperator>();
            builder.Services.AddHostedService<DevelopmentDirectory>();
        }

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemCodes.Complete);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<ClusterReadinessCheck>("cluster-and-storage", tags: ["ready"]);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.AddQppPortal();

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseQppPortalAssets();
        app.UseAuthentication();
        app.UseQppPortalNotFound();
        app.UseUnknownRoutesAsNotFound();
        app.UseAuthorization();
        app.UseUtf8Bodies();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapAccountsApi();
        app.MapCredentialsApi();
        app.MapDirectoryApi();
        app.MapAccessApi();
        app.MapOrganizationAccessApi();
        app.MapServiceCenterAccessApi();
        app.MapRoleImportsApi();
        app.MapRegistrationApi();
        app.MapRegistrationImportsApi();
        app.MapNotificationsApi();
        app.MapServiceCenterApi();
        app.MapOperatorDashboard();
        app.MapQppPortal();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference().AllowAnonymous();
            app.MapDevProbeApi();
            app.MapDevMessagesApi();
        }

        return app;
    }

    /// <summary>Prepares storage (the embedded schema), starts, says where it listens, runs until stopped.</summary>
    public static async Task RunAsync(WebApplication app)
    {
        await StartAsync(app);
        await app.WaitForShutdownAsync();
    }

    public static async Task StartAsync(WebApplication app)
    {
        await app.Services.GetRequiredService<OrleansMode>().PrepareStorageAsync(app.Services);
        await app.StartAsync();
        app.Services.GetRequiredService<OrleansMode>().Announce(app);
    }
}
