using System.Globalization;
using System.Security.Claims;
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
using QppOrleans.Grains.Accounts;
using QppOrleans.Grains.Registration;

namespace QppOrleans.Api.Registration;

/// <summary>CMS Web Interface and CAHPS for MIPS Survey registration (R-1 … R-14).</summary>
internal static class RegistrationApi
{
    public static IEndpointRouteBuilder MapRegistrationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/registrations/{py:int}").WithTags("Registration").RequireAuthorization();
        group.MapGet("/", OverviewAsync);
        var record = group.MapGroup("/{orgType}/{orgId}");
        record.MapGet("/", GetAsync);
        record.MapPut("/size", SetSizeAsync).Throttled(Throttle.RegistrationWrites, Writer);
        record.MapPut("/organization", SetOrganizationAsync).Throttled(Throttle.RegistrationWrites, Writer);
        record.MapPost("/contacts", AddContactAsync).Throttled(Throttle.RegistrationWrites, Writer);
        record.MapPut("/contacts/{contactId}", UpdateContactAsync).Throttled(Throttle.RegistrationWrites, Writer);
        record.MapDelete("/contacts/{contactId}", DeleteContactAsync).Throttled(Throttle.RegistrationWrites, Writer);
        record.MapPost("/programs/{program}", RegisterAsync).Throttled(Throttle.RegistrationWrites, Writer);
        record.MapDelete("/programs/{program}", CancelAsync).Throttled(Throttle.RegistrationWrites, Writer);
        record.MapGet("/history", HistoryAsync);
        return app;
    }

    private static string Writer(EndpointFilterInvocationContext context) => context.HttpContext.User.UserId();

    /// <summary>R-1: registrations exist for configured years and eligible types (practice, virtual group, APM entity).</summary>
    public static IRegistrationGrain? Find(IGrainFactory grains, RegistrationOptions options, int py, string orgType, string orgId) =>
        options.For(py) is not null && orgType is OrgTypes.Practice or OrgTypes.VirtualGroup or OrgTypes.ApmEntity
            && OrgTypes.TryNormalizeId(orgType, orgId, out var id, out _)
            ? grains.Reference<IRegistrationGrain>(GrainKeys.Registration(py, orgType, id))
            : null;

    private static async Task<IResult> GetAsync(int py, string orgType, string orgId, ClaimsPrincipal user, HttpContext http, IGrainFactory grains, IOptionsMonitor<RegistrationOptions> options)
    {
        if (Find(grains, options.CurrentValue, py, orgType, orgId) is not { } registration)
        {
            return RegistrationProblems.For(RegistrationMessages.NotFound);
        }

        var result = await registration.GetAsync(user.UserId());
        if (result.Refusal is { } refusal)
        {
            return RegistrationProblems.For(refusal);
        }

        // R-6: the first contact is pre-filled with the registering person's name.
        ContactDraft? draft = null;
        if (result.View!.Contacts.Length == 0 && await grains.Reference<IUserGrain>(GrainKeys.User(user.UserId())).GetProfileAsync() is { } me)
        {
            draft = new ContactDraft(me.FirstName, me.LastName);
        }

        return Body(http, result.View, draft);
    }

    private static async Task<IResult> SetSizeAsync(int py, string orgType, string orgId, SizeBody body, ClaimsPrincipal user, HttpContext http, IGrainFactory grains, IOptionsMonitor<RegistrationOptions> options)
    {
        if (body.Size is null || !Sizes.All.Contains(body.Size))
        {
            return ApiProblems.Invalid("size", $"size is one of {string.Join(", ", Sizes.All)}.");
        }

        return await WriteAsync(py, orgType, orgId, user, http, grains, options, null,
            (registration, person, version) => registration.SetSizeAsync(person, body.Size, body.Confirm == true, version));
    }

    private static async Task<IResult> SetOrganizationAsync(int py, string orgType, string orgId, OrganizationBody body, ClaimsPrincipal user, HttpContext http, IGrainFactory grains, IOptionsMonitor<RegistrationOptions> options)
    {
        var errors = RegistrationInput.CheckOrganization(body);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var info = new OrganizationInfo(body.Name!.Trim(), body.Address1!.Trim(), string.IsNullOrWhiteSpace(body.Address2) ? null : body.Address2.Trim(),
            body.City!.Trim(), body.State!.Trim(), body.Zip!.Trim());
        return await WriteAsync(py, orgType, orgId, user, http, grains, options, null,
            (registration, person, version) => registration.SetOrganizationAsync(person, info, version));
    }

    private static async Task<IResult> AddContactAsync(
        int py, string orgType, string orgId, ContactBody body, ClaimsPrincipal user, HttpContext http, IGrainFactory grains,
        IOptionsMonitor<RegistrationOptions> options, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        var errors = RegistrationInput.CheckContact(body, out var contact);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        return await IdempotentRequests.RunAsync(grains, user.UserId(), idempotencyKey, $"contacts/{py}/{orgType}/{orgId}", body, StatusCodes.Status201Created, async () =>
        {
            IResult? refusal = null;
            string? created = null;
            await WriteAsync(py, orgType, orgId, user, http, grains, options, r => refusal = r, async (registration, person, version) =>
            {
                var result = await registration.AddContactAsync(person, contact!, version, IdempotentRequests.RequestKey(person, idempotencyKey));
                created = result.CreatedId;
                return result;
            });
            return (created is null ? null : new CreatedContact(created), refusal);
        });
    }

    private static async Task<IResult> UpdateContactAsync(int py, string orgType, string orgId, string contactId, ContactBody body, ClaimsPrincipal user, HttpContext http, IGrainFactory grains, IOptionsMonitor<RegistrationOptions> options)
    {
        var errors = RegistrationInput.CheckContact(body, out var contact);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        return await WriteAsync(py, orgType, orgId, user, http, grains, options, null,
            (registration, person, version) => registration.UpdateContactAsync(person, contactId, contact!, version));
    }

    private static async Task<IResult> DeleteContactAsync(int py, string orgType, string orgId, string contactId, ClaimsPrincipal user, HttpContext http, IGrainFactory grains, IOptionsMonitor<RegistrationOptions> options)
    {
        var answer = await WriteAsync(py, orgType, orgId, user, http, grains, options, null,
            (registration, person, version) => registration.DeleteContactAsync(person, contactId, version));
        return answer is IStatusCodeHttpResult { StatusCode: 200 } ? Results.NoContent() : answer;
    }

    private static async Task<IResult> RegisterAsync(
        int py, string orgType, string orgId, string program, ClaimsPrincipal user, HttpContext http, IGrainFactory grains,
        IOptionsMonitor<RegistrationOptions> options, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        if (!Programs.All.Contains(program))
        {
            return ApiProblems.NotFound($"The programs are {string.Join(" and ", Programs.All)}.");
        }

        return await IdempotentRequests.RunAsync(grains, user.UserId(), idempotencyKey, $"programs/{py}/{orgType}/{orgId}/{program}", program, StatusCodes.Status200OK, async () =>
        {
            IResult? refusal = null;
            string? registrationId = null;
            await WriteAsync(py, orgType, orgId, user, http, grains, options, r => refusal = r, async (registration, person, version) =>
            {
                var result = await registration.RegisterAsync(person, program, version);
                registrationId = result.View?.RegistrationId;
                return result;
            });
            return (registrationId is null ? null : new RegisteredProgram(registrationId), refusal);
        });
    }

    private static async Task<IResult> CancelAsync(int py, string orgType, string orgId, string program, bool? confirm, ClaimsPrincipal user, HttpContext http, IGrainFactory grains, IOptionsMonitor<RegistrationOptions> options)
    {
        if (!Programs.All.Contains(program))
        {
            return ApiProblems.NotFound($"The programs are {string.Join(" and ", Programs.All)}.");
        }

        return await WriteAsync(py, orgType, orgId, user, http, grains, options, null,
            (registration, person, version) => registration.CancelAsync(person, program, confirm == true, version));
    }

    /// <summary>R-14, newest first, paged.</summary>
    private static async Task<IResult> HistoryAsync(
        int py, string orgType, string orgId, int? page, int? pageSize, ClaimsPrincipal user, HttpContext http, IGrainFactory grains, IOptionsMonitor<RegistrationOptions> options)
    {
        if (Paging.TryRead(page, pageSize, out var paging) is { } invalid)
        {
            return invalid;
        }

        var history = Find(grains, options.CurrentValue, py, orgType, orgId) is { } registration ? await registration.HistoryAsync(user.UserId()) : null;
        return history is null ? RegistrationProblems.For(RegistrationMessages.NotFound) : TypedResults.Ok(paging.Of(history, http));
    }

    /// <summary>R-11: the caller's Security Official organizations, with both programs' status.</summary>
    private static async Task<IResult> OverviewAsync(int py, ClaimsPrincipal user, IGrainFactory grains, IOptionsMonitor<RegistrationOptions> options)
    {
        if (options.CurrentValue.For(py) is null)
        {
            return RegistrationProblems.For(RegistrationMessages.NotFound);
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

    /// <summary>Runs a write for the signed-in Security Official, honouring If-Match, answering with the record and its ETag.</summary>
    private static async Task<IResult> WriteAsync(
        int py, string orgType, string orgId, ClaimsPrincipal user, HttpContext http, IGrainFactory grains, IOptionsMonitor<RegistrationOptions> options,
        Action<IResult>? onRefusal, Func<IRegistrationGrain, string, long?, Task<RegistrationResult>> command)
    {
        IResult Refuse(IResult result)
        {
            onRefusal?.Invoke(result);
            return result;
        }

        if (Find(grains, options.CurrentValue, py, orgType, orgId) is not { } registration)
        {
            return Refuse(RegistrationProblems.For(RegistrationMessages.NotFound));
        }

        var version = IfMatch(http);
        var result = await command(registration, user.UserId(), version);
        return result.Refusal is { } refusal ? Refuse(RegistrationProblems.For(refusal)) : Body(http, result.View!, null);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<RegistrationBody> Body(HttpContext http, RegistrationView view, ContactDraft? draft)
    {
        http.Response.Headers.ETag = $"\"{view.Version.ToString(CultureInfo.InvariantCulture)}\"";
        return TypedResults.Ok(new RegistrationBody(view.OrgType, view.OrgId, view.PerformanceYear, view.RegistrationId, view.Size, view.Organization,
            view.Contacts, view.WebInterface, view.Cahps, view.Sampling, draft));
    }

    /// <summary>
    /// The version an <c>If-Match</c> names: none for no header or <c>*</c>; the number of <c>"12"</c> or
    /// <c>W/"12"</c>; and for any other tag one no version ever has, since a tag this server never
    /// issued is a mismatch like any other (RFC 9110 §13.1.1: 412, not 400).
    /// </summary>
    private static long? IfMatch(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return tag.Length > 2 && tag[0] == '"' && tag[^1] == '"' && long.TryParse(tag[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : NeverIssued;
    }

    /// <summary>Versions start at 0 and only grow.</summary>
    private const long NeverIssued = -1;
}
