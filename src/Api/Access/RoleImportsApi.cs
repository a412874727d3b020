using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using QppOrleans.Api.Accounts;
using QppOrleans.Api.Hosting;
using QppOrleans.Api.Imports;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Api.Access;

/// <summary>
/// A-15: <c>POST /api/admin/roles</c>, operators' import of roles that arrive from elsewhere —
/// Shared Savings Program ACOs', from ACO-MS — so that their Security Officials can manage the
/// ACO's automatic registrations. NDJSON <c>{orgType, orgId, userId, role}</c>, one line at a time;
/// a rejected line does not stop the rest.
/// </summary>
internal static class RoleImportsApi
{
    public static RouteHandlerBuilder MapRoleImportsApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/admin/roles", ImportAsync).WithTags("Service Center").RequireOperator()
            .Accepts<Stream>("application/x-ndjson").ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    private static async Task<Ok<DirectoryImportReport>> ImportAsync(HttpContext http, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        RequestLimits.AllowImport(http);
        long created = 0, updated = 0, unchanged = 0;
        var rejections = new RejectedLines();
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

            var (outcome, reason) = await ApplyAsync(text, user.UserId(), grains);
            switch (outcome)
            {
                case ImportOutcome.Created:
                    created++;
                    break;
                case ImportOutcome.Updated:
                    updated++;
                    break;
                case ImportOutcome.Unchanged:
                    unchanged++;
                    break;
                default:
                    rejections.Add(number, reason!);
                    break;
            }
        }

        return TypedResults.Ok(new DirectoryImportReport(created, updated, unchanged, rejections.Count, rejections.Listed));
    }

    private static async Task<(ImportOutcome? Outcome, string? Reason)> ApplyAsync(string line, string operatorId, IGrainFactory grains)
    {
        string? orgType, orgId, userId, role;
        try
        {
            using var document = JsonDocument.Parse(line, NdjsonLines.Json);
            var record = document.RootElement;
            if (record.ValueKind != JsonValueKind.Object)
            {
                return (null, "A line is a JSON object {orgType, orgId, userId, role}.");
            }

            (orgType, orgId, userId, role) = (Text(record, "orgType"), Text(record, "orgId"), Text(record, "userId"), Text(record, "role"));
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return (null, $"Not valid JSON: {exception.Message.Split(" Path:", 2)[0]}");
        }

        if (orgType != OrgTypes.ApmEntity || orgId is null || OrganizationRoute.Find(grains, orgType, orgId) is not { } organization)
        {
            return (null, "orgType and orgId: an apm-entity (a Shared Savings Program ACO) and its id (A-15).");
        }

        if (role is not (Roles.SecurityOfficial or Roles.StaffUser))
        {
            return (null, "role: security-official or staff-user.");
        }

        if (!AccountInput.IsUserId(userId)
            || await grains.Reference<IUserGrain>(GrainKeys.User(AccountInput.NormalizeUserId(userId!))).GetProfileAsync() is not { } profile)
        {
            return (null, "userId: a user id with an account (the person signs up first).");
        }

        var result = await organization.ImportRoleAsync(operatorId, new Person(profile.UserId, $"{profile.FirstName} {profile.LastName}", profile.Email), role);
        return (result.Outcome, result.Reason);
    }

    private static string? Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
