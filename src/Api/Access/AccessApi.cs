using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QppOrleans.Api.Accounts;
using QppOrleans.Api.Errors;
using QppOrleans.Api.Hosting;
using QppOrleans.Api.Registration;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Abstractions.Registration;

namespace QppOrleans.Api.Access;

/// <summary>Connecting to organizations (A-20 … A-30), for the signed-in person.</summary>
internal static class AccessApi
{
    public const int MaxPractices = 25;

    /// <summary>The longest organization id or validation value taken: a TIN is 9 digits, an NPI 10, a PTAN at most 10.</summary>
    public const int MaxIdLength = 20;

    public const int MaxValidationTins = 10;

    public static RouteGroupBuilder MapAccessApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Access").RequireSignedIn();
        group.MapPost("/access-requests", RequestAsync).Throttled(Throttle.AccessRequests, context => context.HttpContext.User.UserId())
            .ProducesProblem(StatusCodes.Status404NotFound).Idempotent();
        group.MapGet("/me/access-requests", MyRequestsAsync);
        group.MapGet("/me/organizations", MyOrganizationsAsync);
        group.MapGet("/me/permissions", MyPermissionsAsync).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<AccessRequestResults>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        AccessRequestBody body, ClaimsPrincipal user, IGrainFactory grains, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        var errors = Check(body);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var userId = user.UserId();
        if (await grains.Reference<IUserGrain>(GrainKeys.User(userId)).GetProfileAsync() is not { } profile)
        {
            return ApiProblems.NotFound("There is no account for this token.");
        }

        // Each waiting request mails every Security Official of its organization: one person may keep only so many waiting.
        var open = (await grains.Reference<IUserGrain>(GrainKeys.User(userId)).RequestsAsync())
            .Count(r => r.Status is RequestStatus.Pending or RequestStatus.Escalated);
        if (open >= RequestStatus.MaxOpenPerPerson)
        {
            return ApiProblems.Problem(409, "too-many-open-requests", "Too many requests are waiting.",
                $"You have {open} requests waiting for a decision. Wait until some are decided before asking for more.");
        }

        var requester = new Person(profile.UserId, $"{profile.FirstName} {profile.LastName}", profile.Email);
        return await IdempotentRequests.RunAsync(grains, userId, idempotencyKey, "access-requests", body,
            async () => (await ProcessAsync(body, requester, grains), (ProblemHttpResult?)null), TypedResults.Ok);
    }

    /// <summary>A-24: up to 25 practices, each with its own outcome; other types one at a time.</summary>
    private static async Task<AccessRequestResults> ProcessAsync(AccessRequestBody body, Person requester, IGrainFactory grains)
    {
        var orgType = body.OrgType!;
        var outcomes = await Task.WhenAll(body.Items!.Select(item => OneAsync(orgType, item, requester, grains)));
        return new AccessRequestResults(outcomes);
    }

    private static Task<RequestOutcome> OneAsync(string orgType, AccessItem item, Person requester, IGrainFactory grains)
    {
        var role = item.Role!;
        var orgId = item.OrgId!.Trim();
        string? key = null;
        if (role == Roles.Clinician)
        {
            key = Npi.TryParse(orgId, out var npi, out _) ? npi.Value : null;
        }
        else if (OrgTypes.TryNormalizeId(orgType, orgId, out var normalized, out _))
        {
            key = normalized;
        }

        if (key is null)
        {
            var refusal = orgType switch
            {
                OrgTypes.Practice when role != Roles.Clinician => AccessMessages.InvalidTinFormat,
                OrgTypes.VirtualGroup => AccessMessages.VirtualGroupNotFound,
                _ => AccessMessages.NotVerified,
            };
            return Task.FromResult(new RequestOutcome(orgId, RequestStatus.Rejected, Code: refusal.Code, Message: refusal.Message));
        }

        return grains.Reference<IOrganizationGrain>(GrainKeys.Organization(orgType, key))
            .RequestAccessAsync(requester, role, item.Validation?.ToValidation());
    }

    private static Dictionary<string, string[]> Check(AccessRequestBody body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.OrgType is null || !OrgTypes.All.Contains(body.OrgType))
        {
            errors["orgType"] = [$"orgType is one of {string.Join(", ", OrgTypes.All)}."];
            return errors;
        }

        var count = body.Items?.Length ?? 0;
        if (body.OrgType == OrgTypes.Practice ? count is < 1 or > MaxPractices : count != 1)
        {
            errors["items"] = [body.OrgType == OrgTypes.Practice
                ? $"A request names 1 to {MaxPractices} practices (A-24)."
                : "A request for this organization type names exactly one organization (A-24)."];
            return errors;
        }

        for (var i = 0; i < count; i++)
        {
            var item = body.Items![i];
            if (item is null || string.IsNullOrWhiteSpace(item.OrgId) || item.OrgId.Length > MaxIdLength)
            {
                errors[$"items[{i}].orgId"] = ["orgId is the organization's id (a TIN for a practice, the NPI for a clinician)."];
            }

            if (item?.Role is null || !Roles.All.Contains(item.Role))
            {
                errors[$"items[{i}].role"] = [$"role is one of {string.Join(", ", Roles.All)}."];
            }
            else if (item.Role == Roles.Clinician && body.OrgType != OrgTypes.Practice)
            {
                errors[$"items[{i}].role"] = ["The clinician role is requested with orgType practice and the clinician's own NPI (A-29)."];
            }

            if (item?.Validation is { } validation)
            {
                if (validation.Tins is { } tins && (tins.Length > MaxValidationTins || tins.Contains(null)))
                {
                    errors[$"items[{i}].validation.tins"] = [$"tins is a list of at most {MaxValidationTins} TINs, none of them null."];
                }

                // What a person types to prove they know the organization is compared with the directory later;
                // a value no identifier can be (too long, or with control characters, even at the ends) is refused here.
                foreach (var (field, value) in validation.Named())
                {
                    if (value is not null && (value.Length > MaxIdLength || value.Any(char.IsControl)))
                    {
                        errors[$"items[{i}].validation.{field}"] = [$"{field} is an identifier of at most {MaxIdLength} characters, without control characters."];
                    }
                }
            }
        }

        if (errors.Count == 0 && body.Items!.Select(i => i.OrgId!.Trim()).Distinct().Count() != count)
        {
            errors["items"] = ["Each organization appears once in a request."];
        }

        return errors;
    }

    /// <summary>The person's requests, newest first, paged.</summary>
    private static async Task<Results<Ok<MyRequestView[]>, ValidationProblem>> MyRequestsAsync(ClaimsPrincipal user, IGrainFactory grains, HttpContext http, int? page, int? pageSize)
    {
        if (Paging.TryRead(page, pageSize, out var paging) is { } invalid)
        {
            return invalid;
        }

        var requests = await grains.Reference<IUserGrain>(GrainKeys.User(user.UserId())).RequestsAsync();
        return TypedResults.Ok(paging.Of(requests.Select(r => new MyRequestView(r.RequestId, r.Organization.OrgType, r.Organization.OrgId, r.Organization.Name, r.Role, r.Status, r.At, r.Reason)).ToArray(), http));
    }

    /// <summary>A-20, R-12: by tab, with connected users and this year's registration status of both programs.</summary>
    private static async Task<Ok<ConnectedOrganizations>> MyOrganizationsAsync(ClaimsPrincipal user, IGrainFactory grains, IOptionsMonitor<RegistrationOptions> options)
    {
        var year = options.CurrentValue.CurrentYear;
        var connections = await grains.Reference<IUserGrain>(GrainKeys.User(user.UserId())).ConnectionsAsync();
        var organizations = await Task.WhenAll(connections.Select(async c =>
        {
            var (orgType, orgId) = (c.Organization.OrgType, c.Organization.OrgId);
            var users = grains.Reference<IOrganizationGrain>(GrainKeys.Organization(orgType, orgId)).ConnectedUsersAsync();
            RegistrationStatus? registration = null;
            if (c.Role != Roles.Clinician && RegistrationApi.Find(grains, options.CurrentValue, year, orgType, orgId) is { } grain)
            {
                var view = await grain.SummaryAsync();
                registration = new RegistrationStatus(year, RegistrationApi.Flag(view.WebInterface, view.RegistrationId), RegistrationApi.Flag(view.Cahps, view.RegistrationId));
            }

            return new ConnectedOrganization(orgType, orgId, c.Organization.Name, c.Role!, await users, registration);
        }));
        ConnectedOrganization[] Tab(string orgType) => [.. organizations.Where(o => o.OrgType == orgType).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase)];
        return TypedResults.Ok(new ConnectedOrganizations(Tab(OrgTypes.Practice), Tab(OrgTypes.ApmEntity), Tab(OrgTypes.Registry), Tab(OrgTypes.VirtualGroup)));
    }

    /// <summary>A-20: the role and what it lets the caller do, from the organization (the authority) and the table.</summary>
    private static async Task<Results<Ok<PermissionsView>, ProblemHttpResult>> MyPermissionsAsync(
        string? orgType, string? orgId, ClaimsPrincipal user, IGrainFactory grains, Permissions permissions)
    {
        if (orgType is null || orgId is null || OrganizationRoute.Find(grains, orgType, orgId) is not { } organization
            || await organization.RoleOfAsync(user.UserId()) is not { } role)
        {
            return ApiProblems.NotFound("You hold no role at such an organization.");
        }

        return TypedResults.Ok(new PermissionsView(role, permissions.ActionsFor(orgType, role)));
    }
}
