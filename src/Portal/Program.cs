using QppOrleans.WebPortal.Hosting;

// The portal on its own, beside the API (a cluster): Portal:ApiBaseUrl says where the API is.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.AddQppPortal(ownHost: true);

var app = builder.Build();
app.Use((context, next) =>
{
    var headers = context.Response.Headers;
    headers.XContentTypeOptions = "nosniff";
    headers.XFrameOptions = "DENY";
    headers["Referrer-Policy"] = "no-referrer";
    return next(context);
});
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseQppPortalAssets();
app.UseAuthentication();
app.UseQppPortalNotFound();
app.UseAuthorization();
app.MapQppPortal();
app.Run();
