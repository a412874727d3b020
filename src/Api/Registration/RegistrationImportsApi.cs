using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using QppOrleans.Api.Accounts;
using QppOrleans.Api.Errors;
using QppOrleans.Api.Hosting;
using QppOrleans.Api.Imports;
using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Abstractions.Registration;

namespace QppOrleans.Api.Registration;

/// <summary>
/// Operators' imports (API.md "Import record formats"): automatic registrations (R-10) and
/// sampling results (R-13), NDJSON streamed line by line; rejected lines do not stop the rest.
/// </summary>
internal static class RegistrationImportsApi
{
    private const int Concurrency = 64;

    public static RouteGroupBuilder MapRegistrationImportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/registrations/{py:int}").WithTags("Registration").RequireOperator()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapPost("/auto", AutoAsync).Accepts<Stream>("application/x-ndjson");
        group.MapPost("/sampling", SamplingAsync).Accepts<Stream>("application/x-ndjson");
        return group;
    }

    private static Task<Results<Ok<DirectoryImportReport>, ProblemHttpResult>> AutoAsync(int py, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, IOptionsMonitor<RegistrationOptions> options, CancellationToken cancellationToken) =>
        ImportAsync(py, http, grains, options, async (registration, record) =>
        {
            var programs = record.TryGetProperty("programs", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(p => TextOf(p) ?? "").ToArray()
                : [];
            var reason = record.TryGetProperty("reason", out var r) ? TextOf(r) : null;
            if (programs.Length == 0 || !programs.All(Programs.All.Contains))
            {
                return (null, "programs: a list of web-interface and/or cahps.");
            }

            if (reason is not ("prior-year-web-interface" or "ssp-aco"))
            {
                return (null, "reason: prior-year-web-interface or ssp-aco.");
            }

            var offered = options.CurrentValue.For(py)!.Programs;
            if (!programs.All(offered.Contains))
            {
                return (null, $"programs: performance year {py} does not offer {string.Join(", ", programs.Where(p => !offered.Contains(p)))} (R-15).");
            }

            return (await registration.AutoRegisterAsync(user.UserId(), [.. programs.Distinct()], reason), null);
        }, cancellationToken);

    private static Task<Results<Ok<DirectoryImportReport>, ProblemHttpResult>> SamplingAsync(int py, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, IOptionsMonitor<RegistrationOptions> options, CancellationToken cancellationToken) =>
        ImportAsync(py, http, grains, options, async (registration, record) =>
        {
            if (!record.TryGetProperty("webInterfaceAssignedPatients", out var patients) || patients.ValueKind != JsonValueKind.Number
                || !patients.TryGetInt32(out var assigned) || assigned < 0)
            {
                return (null, "webInterfaceAssignedPatients: a whole number of 0 or more.");
            }

            if (!record.TryGetProperty("cahpsSampleMet", out var met) || met.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return (null, "cahpsSampleMet: true or false.");
            }

            return (await registration.RecordSamplingAsync(user.UserId(), assigned, met.GetBoolean()), null);
        }, cancellationToken);

    /// <summary>Reads each line, finds the registration, applies <paramref name="apply"/>: changed (updated), unchanged, or a reason.</summary>
    private static async Task<Results<Ok<DirectoryImportReport>, ProblemHttpResult>> ImportAsync(
        int py, HttpContext http, IGrainFactory grains, IOptionsMonitor<RegistrationOptions> options,
        Func<IRegistrationGrain, JsonElement, Task<(bool? Changed, string? Reason)>> apply, CancellationToken cancellationToken)
    {
        if (options.CurrentValue.For(py) is null)
        {
            return ApiProblems.NotFound($"Performance year {py} is not configured.");
        }

        RequestLimits.AllowImport(http);
        long updated = 0, unchanged = 0;
        var rejections = new RejectedLines();
        var running = new List<Task>();

        await foreach (var (number, text, refusal) in NdjsonLines.ReadAsync(http.Request.Body, cancellationToken))
        {
            if (text is null)
            {
                rejections.Add(number, refusal!);
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text, NdjsonLines.Json);
            }
            catch (JsonException exception)
            {
                rejections.Add(number, $"Not valid JSON: {exception.Message.Split(" Path:", 2)[0]}");
                continue;
            }

            var record = document.RootElement;
            var orgType = record.ValueKind == JsonValueKind.Object && record.TryGetProperty("orgType", out var t) ? TextOf(t) ?? "" : "";
            var orgId = record.ValueKind == JsonValueKind.Object && record.TryGetProperty("orgId", out var i) ? TextOf(i) ?? "" : "";
            if (RegistrationApi.Find(grains, options.CurrentValue, py, orgType, orgId) is not { } registration)
            {
                rejections.Add(number, "orgType and orgId: a practice, virtual-group or apm-entity and its id (R-1).");
                document.Dispose();
                continue;
            }

            running.Add(Task.Run(async () =>
            {
                using (document)
                {
                    var (changed, reason) = await apply(registration, record);
                    if (reason is not null)
                    {
                        rejections.Add(number, reason);
                    }
                    else if (changed == true)
                    {
                        Interlocked.Increment(ref updated);
                    }
                    else
                    {
                        Interlocked.Increment(ref unchanged);
                    }
                }
            }, cancellationToken));

            if (running.Count >= Concurrency)
            {
                await Task.WhenAll(running);
                running.Clear();
            }
        }

        await Task.WhenAll(running);
        return TypedResults.Ok(new DirectoryImportReport(0, updated, unchanged, rejections.Count, rejections.Listed));
    }

    /// <summary>
    /// A string value, or null. The parser takes an escaped lone surrogate (<c>"\ud800"</c>) as
    /// valid JSON and only reading the string refuses it, by throwing: here it is no text at all.
    /// </summary>
    private static string? TextOf(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
