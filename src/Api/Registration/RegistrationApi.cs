using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QppOrleans.Api.Access;
using QppOrleans.Api.Accounts;
using QppOrleans.Api.Errors;
using QppOrleans.Api.Hosting;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Abstractions.Registration;

namespace QppOrleans.Api.Registration;

/// <summary>CMS Web Interface and CAHPS for MIPS Survey registration (R-1 … R-14).</summary>
internal static class RegistrationApi
{
    public static RouteGroupBuilder MapRegistrationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/registrations/{py:int}").WithTags("Registration").RequireSignedIn();
        group.MapGet("/", OverviewAsync);
        var record = group.MapGroup("/{orgType}/{orgId}").ProducesProblem(StatusCodes.Status404NotFound);
        record.MapGet("/", GetAsync).ProducesProblem(StatusCodes.Status403Forbidden);
        record.MapPut("/size", SetSizeAsync).Writes();
        record.MapPut("/organization", SetOrganizationAsync).Writes();
        record.MapPost("/contacts", AddContactAsync).Writes().Idempotent();
        record.MapPut("/contacts/{contactId}", UpdateContactAsync).Writes();
        record.MapDelete("/contacts/{contactId}", DeleteContactAsync).Writes();
        record.MapPost("/programs/{program}", RegisterAsync).Writes().Idempotent();
        record.MapDelete("/programs/{program}", CancelAsync).Writes();
        record.MapGet("/history", HistoryAsync).ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    /// <summary>A Security Official's change: throttled per person, refused (403, 409) or stale (412).</summary>
    private static RouteHandlerBuilder Writes(this RouteHandlerBuilder write) => write
        .Throttled(Throttle.RegistrationWrites, context => context.HttpContext.User.UserId())
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>R-1: registrations exist for configured years and eligible types (practice, virtual group, APM entity).</summary>
    public static IRegistrationGrain? Find(IGrainFactory grains, RegistrationOptions options, int py, string orgType, string orgId) =>
        options.For(py) is not null && orgType is OrgTypes.Practice or OrgTypes.VirtualGroup or OrgTypes.ApmEntity
            && OrgTypes.TryNormalizeId(orgType, orgId, out var id, out _)
            ? grains.Reference<IRegistrationGrain>(GrainKeys.Registration(py, orgType, id))
            : null;

    private static async Task<Results<Ok<RegistrationBody>, ProblemHttpResult>> GetAsync([AsParameters] RegistrationRecord record)
    {
        if (record.Find() is not { } registration)
        {
            return RefusalProblems.For(RegistrationMessages.NotFound);
        }

        var result = await registration.GetAsync(record.Person);
        if (result.Refusal is { } refusal)
        {
            return RefusalProblems.For(refusal);
        }

        // R-6: the first contact is pre-filled with the registering person's name.
        ContactDraft? draft = null;
        if (result.View!.Contacts.Length == 0 && await record.Grains.Reference<IUserGrain>(GrainKeys.User(record.Person)).GetProfileAsync() is { } me)
        {
            draft = new ContactDraft(me.FirstName, me.LastName);
        }

        return record.Body(result.View, draft);
    }

    private static async Task<Results<Ok<RegistrationBody>, ValidationProblem, ProblemHttpResult>> SetSizeAsync([AsParameters] RegistrationRecord record, SizeBody body)
    {
        if (body.Size is null || !Sizes.All.Contains(body.Size))
        {
            return ApiProblems.Invalid("size", $"size is one of {string.Join(", ", Sizes.All)}.");
        }

        return Answer(record, await record.WriteAsync((registration, person, version) => registration.SetSizeAsync(person, body.Size, body.Confirm == true, version)));
    }

    private static async Task<Results<Ok<RegistrationBody>, ValidationProblem, ProblemHttpResult>> SetOrganizationAsync([AsParameters] RegistrationRecord record, OrganizationBody body)
    {
        var errors = RegistrationInput.CheckOrganization(body);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var info = new OrganizationInfo(body.Name!.Trim(), body.Address1!.Trim(), string.IsNullOrWhiteSpace(body.Address2) ? null : body.Address2.Trim(),
            body.City!.Trim(), body.State!.Trim(), body.Zip!.Trim());
        return Answer(record, await record.WriteAsync((registration, person, version) => registration.SetOrganizationAsync(person, info, version)));
    }

    private static async Task<Results<Created<CreatedContact>, ValidationProblem, ProblemHttpResult>> AddContactAsync(
        [AsParameters] RegistrationRecord record, ContactBody body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        var errors = RegistrationInput.CheckContact(body, out var contact);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var path = record.Http.Request.Path.Value!.TrimEnd('/');
        return await IdempotentRequests.RunAsync(record.Grains, record.Person, idempotencyKey, $"contacts/{record.Py}/{record.OrgType}/{record.OrgId}", body,
            async () =>
            {
                var (written, refusal) = await record.WriteAsync((registration, person, version) =>
                    registration.AddContactAsync(person, contact!, version, IdempotentRequests.RequestKey(person, idempotencyKey)));
                return (written is null ? null : new CreatedContact(written.CreatedId!), refusal);
            },
            created => TypedResults.Created($"{path}/{created.ContactId}", created));
    }

    private static async Task<Results<Ok<RegistrationBody>, ValidationProblem, ProblemHttpResult>> UpdateContactAsync(
        [AsParameters] RegistrationRecord record, string contactId, ContactBody body)
    {
        var errors = RegistrationInput.CheckContact(body, out var contact);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        return Answer(record, await record.WriteAsync((registration, person, version) => registration.UpdateContactAsync(person, contactId, contact!, version)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteContactAsync([AsParameters] RegistrationRecord record, string contactId)
    {
        var (_, refusal) = await record.WriteAsync((registration, person, version) => registration.DeleteContactAsync(person, contactId, version));
        return refusal is null ? TypedResults.NoContent() : refusal;
    }

    private static async Task<Results<Ok<RegisteredProgram>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        [AsParameters] RegistrationRecord record, string program, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        if (!Programs.All.Contains(program))
        {
            return NoSuchProgram();
        }

        return await IdempotentRequests.RunAsync(record.Grains, record.Person, idempotencyKey, $"programs/{record.Py}/{record.OrgType}/{record.OrgId}/{program}", program,
            async () =>
            {
                var (written, refusal) = await record.WriteAsync((registration, person, version) => registration.RegisterAsync(person, program, version));
                return (written is null ? null : new RegisteredProgram(written.View!.RegistrationId!), refusal);
            },
            TypedResults.Ok);
    }

    private static async Task<Results<Ok<RegistrationBody>, ProblemHttpResult>> CancelAsync([AsParameters] RegistrationRecord record, string program, bool? confirm)
    {
        if (!Programs.All.Contains(program))
        {
            return NoSuchProgram();
        }

        var (written, refusal) = await record.WriteAsync((registration, person, version) => registration.CancelAsync(person, program, confirm == true, version));
        return refusal is null ? record.Body(written!.View!) : refusal;
    }

    /// <summary>R-14, newest first, paged.</summary>
    private static async Task<Results<Ok<HistoryEntry[]>, ValidationProblem, ProblemHttpResult>> HistoryAsync([AsParameters] RegistrationRecord record, int? page, int? pageSize)
    {
        if (Paging.TryRead(page, pageSize, out var paging) is { } invalid)
        {
            return invalid;
        }

        var history = record.Find() is { } registration ? await registration.HistoryAsync(record.Person) : null;
        return history is null ? RefusalProblems.For(RegistrationMessages.NotFound) : TypedResults.Ok(paging.Of(history, record.Http));
    }

    /// <summary>R-11: the caller's Security Official organizations, with both programs' status.</summary>
    private static async Task<Results<Ok<Overview>, ProblemHttpResult>> OverviewAsync(int py, ClaimsPrincipal user, IGrainFactory grains, IOptionsMonitor<RegistrationOptions> options)
    {
        if (options.CurrentValue.For(py) is null)
        {
            return RefusalProblems.For(RegistrationMessages.NotFound);
        }

        var connections = await grains.Reference<IUserGrain>(GrainKeys.User(user.UserId())).ConnectionsAsync();
        var items = await Task.WhenAll(connections
            .Where(c => c.Role == Roles.SecurityOfficial && Find(grains, options.CurrentValue, py, c.Organization.OrgType, c.Organization.OrgId) is not null)
            .Select(async c =>
            {
                var view = await Find(grains, options.CurrentValue, py, c.Organization.OrgType, c.Organization.OrgId)!.SummaryAsync();
                return new OverviewItem(view.OrgType, view.OrgId, view.Organization.Name, view.Size, view.RegistrationId,
                    Flag(view.WebInterface, view.RegistrationId), Flag(view.Cahps, view.RegistrationId));
            }));
        return TypedResults.Ok(new Overview(items.Length, [.. items.OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase)]));
    }

    public static ProgramFlag Flag(ProgramStatus status, string? registrationId) => new(status.Registered, status.Registered ? registrationId : null);

    /// <summary>A write's answer: the record as written, or its refusal.</summary>
    private static Results<Ok<RegistrationBody>, ValidationProblem, ProblemHttpResult> Answer(
        RegistrationRecord record, (RegistrationResult? Written, ProblemHttpResult? Refusal) outcome) =>
        outcome.Refusal is null ? record.Body(outcome.Written!.View!) : outcome.Refusal;

    private static ProblemHttpResult NoSuchProgram() => ApiProblems.NotFound($"The programs are {string.Join(" and ", Programs.All)}.");
}
