using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Session;

namespace QppOrleans.WebPortal.Hosting;

/// <summary>
/// The portal's composition, for its own host (<c>src/Portal</c>, beside the API in a cluster) and
/// for the API host that serves it at <c>/</c> in the embedded default.
/// </summary>
public static class PortalHosting
{
    public const string AssetsPath = "/assets";

    public static void AddQppPortal(this WebApplicationBuilder builder, bool ownHost = false)
    {
        var services = builder.Services;
        services.AddOptions<PortalOptions>().Bind(builder.Configuration.GetSection(PortalOptions.Section));
        var options = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();

        var protection = services.AddDataProtection().SetApplicationName("qpp-portal");
        if (!string.IsNullOrEmpty(options.KeysDirectory))
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(options.KeysDirectory));
        }

        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ApiAddress>();
        services.AddTransient<ForwardingHandler>();
        services.AddHttpClient<QppClient>(client => client.Timeout = TimeSpan.FromMinutes(30))
            .AddHttpMessageHandler<ForwardingHandler>();
        services.AddSingleton(provider => new SealedCookie<SignInDraft>(provider.GetRequiredService<IDataProtectionProvider>(), "qpp-sign-in", TimeSpan.FromMinutes(15)));
        services.AddSingleton(provider => new SealedCookie<CodeDraft>(provider.GetRequiredService<IDataProtectionProvider>(), "qpp-code", TimeSpan.FromMinutes(15)));
        services.AddSingleton(provider => new SealedCookie<DeviceDraft>(provider.GetRequiredService<IDataProtectionProvider>(), "qpp-device", TimeSpan.FromMinutes(15)));
        services.AddSingleton(provider => new SealedCookie<KnownClient>(provider.GetRequiredService<IDataProtectionProvider>(), "qpp-known-client", TimeSpan.FromDays(180)));
        services.AddSingleton(provider => new SealedCookie<ConnectDraft>(provider.GetRequiredService<IDataProtectionProvider>(), "qpp-connect", TimeSpan.FromHours(1)));

        var authentication = ownHost ? services.AddAuthentication(PortalSession.Scheme) : services.AddAuthentication();
        authentication.AddCookie(PortalSession.Scheme, PortalSession.ConfigureCookie);
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalSession.Policy, policy => policy.AddAuthenticationSchemes(PortalSession.Scheme).RequireAuthenticatedUser())
            .AddPolicy(PortalSession.OperatorPolicy, policy => policy.AddAuthenticationSchemes(PortalSession.Scheme).RequireAuthenticatedUser()
                .RequireAssertion(context => PortalSession.IsOperator(context.User)));

        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "qpp-antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.FormFieldName = "__antiforgery";
            antiforgery.SuppressXFrameOptionsHeader = true;
        });

        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(notice =>
        {
            notice.Cookie.Name = "qpp-notice";
            notice.Cookie.SameSite = SameSiteMode.Strict;
            notice.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddRazorPages(pages =>
            {
                pages.Conventions.AuthorizeFolder("/", PortalSession.Policy);
                pages.Conventions.AllowAnonymousToPage("/Index");
                pages.Conventions.AllowAnonymousToFolder("/SignIn");
                pages.Conventions.AllowAnonymousToFolder("/Account");
                pages.Conventions.AllowAnonymousToPage("/NotAllowed");
                pages.Conventions.AllowAnonymousToPage("/NotFound");
                pages.Conventions.AuthorizeFolder("/Admin", PortalSession.OperatorPolicy);

                // Operators upload import files of any size; the limit is lifted only after the operator policy passed.
                foreach (var page in new[] { "/Admin/Directory", "/Admin/Imports", "/Admin/Roles" })
                {
                    pages.Conventions.AddPageApplicationModelConvention(page, model =>
                    {
                        model.Filters.Add(new RequestSizeLimitAttribute(options.MaxImportBytes));
                        model.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = options.MaxImportBytes });
                    });
                }
            })
            .AddMvcOptions(mvc => mvc.Filters.Add<PortalPageFilter>())
            .AddApplicationPart(typeof(PortalHosting).Assembly);
    }

    /// <summary>The portal's own files (USWDS and its script and styles), embedded in the assembly, under <c>/assets</c>.</summary>
    public static void UseQppPortalAssets(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new ManifestEmbeddedFileProvider(typeof(PortalHosting).Assembly, "assets"),
            RequestPath = AssetsPath,
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });

    public static void MapQppPortal(this IEndpointRouteBuilder app) => app.MapRazorPages();
}
