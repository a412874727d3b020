using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using QppOrleans.Api.Accounts;
using QppOrleans.Api.Errors;
using QppOrleans.Api.Hosting;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Api.Directory;

/// <summary>The directory (A-10 … A-15): APM models, search, lookups, and the operators' bulk import.</summary>
internal static class DirectoryApi
{
    public const int MaxQueryLength = 100;

    public static RouteGroupBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Directory").RequireSignedIn();
        group.MapGet("/apm-models", () => TypedResults.Ok(ApmModels.All.Select(m => new ApmModelView(m.Id, m.Name, m.EntityIdName, m.Validation, m.MultiTin)).ToArray()));
        group.MapGet("/organizations/search", SearchAsync);
        group.MapGet("/organizations/{orgType}/{orgId}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/admin/directory", ImportAsync).RequireOperator()
            .Accepts<Stream>("application/x-ndjson").ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return group;
    }

    private static async Task<Results<Ok<OrganizationView[]>, ValidationProblem>> SearchAsync(string? type, string? q, string? apm, DirectorySearch search)
    {
        if (type is null || !OrgTypes.All.Contains(type))
        {
            return ApiProblems.Invalid("type", $"type is one of {string.Join(", ", OrgTypes.All)}.");
        }

        if (q is null || q.Length > MaxQueryLength)
        {
            return ApiProblems.Invalid("q", $"q is the text to search for, at most {MaxQueryLength} characters.");
        }

        var model = ApmModels.Find(apm);
        if (type == OrgTypes.ApmEntity && model is null)
        {
            return ApiProblems.Invalid("apm", "Pick the APM model first: apm is one of " + string.Join(", ", ApmModels.All.Select(m => m.Id)) + ".");
        }

        var found = await search.SearchAsync(type, q, model);
        return TypedResults.Ok(found.Select(o => new OrganizationView(o.OrgType, o.OrgId, o.Name, o.City, o.State)).ToArray());
    }

    private static async Task<Results<Ok<OrganizationDetail>, ProblemHttpResult>> GetAsync(string orgType, string orgId, IGrainFactory grains)
    {
        if (!OrgTypes.All.Contains(orgType) || !OrgTypes.TryNormalizeId(orgType, orgId, out var id, out _))
        {
            return ApiProblems.NotFound("There is no such organization.");
        }

        var entry = await grains.Reference<IOrganizationGrain>(GrainKeys.Organization(orgType, id)).GetDirectoryEntryAsync();
        return entry is null
            ? ApiProblems.NotFound("There is no such organization.")
            : TypedResults.Ok(OrganizationDetail.From(entry));
    }

    private static async Task<Ok<DirectoryImportReport>> ImportAsync(HttpContext http, ClaimsPrincipal user, DirectoryImporter importer, CancellationToken cancellationToken)
    {
        // A directory file is large by nature (200,000 practices is over 100 MB); it is streamed, never held.
        RequestLimits.AllowImport(http);

        return TypedResults.Ok(await importer.ImportAsync(user.UserId(), http.Request.Body, cancellationToken: cancellationToken));
    }
}

/// <summary>An APM model: what it calls an entity's id, and what a first Security Official gives (A-14).</summary>
internal sealed record ApmModelView(string Id, string Name, string EntityIdName, string Validation, bool MultiTin);

internal sealed record OrganizationView(string OrgType, string OrgId, string Name, string? City, string? State);

/// <summary>
/// An organization as anyone signed in may see it: name and address. Clinicians, participants
/// and TINs stay out, since they are what a first Security Official proves they know (A-22).
/// </summary>
/// <param name="ValidationTins">For an APM entity of a two-TIN model: how many participant TINs its first Security Official gives (1 for a single-TIN entity, else 2).</param>
internal sealed record OrganizationDetail(
    string OrgType, string OrgId, string Name, string? Address1, string? Address2, string? City, string? State, string? Zip, string? ApmModel, int? ValidationTins)
{
    public static OrganizationDetail From(DirectoryEntry e) =>
        new(e.OrgType, e.OrgId, e.Name, e.Address1, e.Address2, e.City, e.State, e.Zip, e.ApmModel, e.OrgType == OrgTypes.ApmEntity ? ApmModels.TinsRequired(e) : null);
}
