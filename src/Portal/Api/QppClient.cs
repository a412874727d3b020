using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using QppOrleans.WebPortal.Hosting;

namespace QppOrleans.WebPortal.Api;

/// <summary>
/// The public HTTP API, as the portal calls it (API.md). Every call goes through
/// <see cref="ForwardingHandler"/>, which adds the person's token and address.
/// </summary>
public sealed class QppClient
{
    private readonly HttpClient http;

    private readonly TimeProvider clock;

    public QppClient(HttpClient http, ApiAddress address, TimeProvider clock)
    {
        this.http = http;
        this.clock = clock;
        http.BaseAddress ??= address.BaseAddress;
    }

    public Uri BaseAddress => http.BaseAddress!;

    // Accounts and sign-in (A-1 … A-6)
    public Task<ApiResult<JsonElement>> CreateAccountAsync(NewAccount account) => SendAsync<JsonElement>(HttpMethod.Post, "api/accounts", account);

    public Task<ApiResult<SignInChallenge>> SignInAsync(SignInBody body) => SendAsync<SignInChallenge>(HttpMethod.Post, "api/auth/sign-in", body);

    public Task<ApiResult<JsonElement>> SendCodeAsync(string challengeId, string deviceId) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"api/auth/challenges/{E(challengeId)}/send", new { deviceId });

    public Task<ApiResult<BearerToken>> VerifyAsync(string challengeId, string code) =>
        SendAsync<BearerToken>(HttpMethod.Post, $"api/auth/challenges/{E(challengeId)}/verify", new { code });

    /// <summary>A-7: this session's token stops working at once; or every session of the account.</summary>
    public Task<ApiResult<JsonElement>> SignOutAsync(bool everywhere) =>
        SendAsync<JsonElement>(HttpMethod.Post, everywhere ? "api/auth/sign-out-everywhere" : "api/auth/sign-out");

    /// <summary>A-8: a reset challenge; the same answer whether or not the id exists.</summary>
    public Task<ApiResult<SignInChallenge>> StartResetAsync(string userId) =>
        SendAsync<SignInChallenge>(HttpMethod.Post, "api/auth/password-reset", new { userId });

    public Task<ApiResult<JsonElement>> CompleteResetAsync(string challengeId, string code, string newPassword) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"api/auth/password-reset/{E(challengeId)}/complete", new { code, newPassword });

    /// <summary>A-8, A-9: a fresh code for a change the signed-in person makes.</summary>
    public Task<ApiResult<SignInChallenge>> ConfirmationAsync() => SendAsync<SignInChallenge>(HttpMethod.Post, "api/me/challenges");

    public Task<ApiResult<Device[]>> DevicesAsync() => SendAsync<Device[]>(HttpMethod.Get, "api/me/devices");

    /// <summary>A-9: a device is added behind a fresh code, then confirmed by the code sent to it.</summary>
    public Task<ApiResult<PendingDevice>> AddDeviceAsync(string kind, string address, string challengeId, string code) =>
        SendAsync<PendingDevice>(HttpMethod.Post, "api/me/devices", new { kind, address, challengeId, code });

    public Task<ApiResult<JsonElement>> ConfirmDeviceAsync(string deviceId, string code) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"api/me/devices/{E(deviceId)}/confirm", new { code });

    public Task<ApiResult<JsonElement>> RemoveDeviceAsync(string deviceId, string challengeId, string code) =>
        SendAsync<JsonElement>(HttpMethod.Delete, $"api/me/devices/{E(deviceId)}", new { challengeId, code });

    public Task<ApiResult<JsonElement>> ChangePasswordAsync(string currentPassword, string newPassword, string challengeId, string code) =>
        SendAsync<JsonElement>(HttpMethod.Put, "api/me/password", new { currentPassword, newPassword, challengeId, code });

    /// <summary>The person's own account audit: codes sent, sign-ins and sign-outs, password and device changes.</summary>
    public Task<ApiResult<AuditEntry[]>> MyAuditAsync(PageOf page) => SendAsync<AuditEntry[]>(HttpMethod.Get, $"api/me/audit?{page}");

    /// <summary>Right after verification, with the new token (the person has no session yet).</summary>
    public Task<ApiResult<Me>> MeAsync(string? token = null) => SendAsync<Me>(HttpMethod.Get, "api/me", token: token);

    // Directory and search (A-10 … A-15)
    public Task<ApiResult<ApmModel[]>> ApmModelsAsync() => SendAsync<ApmModel[]>(HttpMethod.Get, "api/apm-models");

    public Task<ApiResult<FoundOrganization[]>> SearchAsync(string orgType, string q, string? apm) =>
        SendAsync<FoundOrganization[]>(HttpMethod.Get, $"api/organizations/search?type={E(orgType)}&q={E(q)}" + (apm is null ? "" : $"&apm={E(apm)}"));

    public Task<ApiResult<OrganizationDetail>> OrganizationAsync(string orgType, string orgId) =>
        SendAsync<OrganizationDetail>(HttpMethod.Get, $"api/organizations/{E(orgType)}/{E(orgId)}");

    // Connecting and managing access (A-20 … A-30)
    public Task<ApiResult<AccessRequestResults>> RequestAccessAsync(AccessRequestBody body, string idempotencyKey) =>
        SendAsync<AccessRequestResults>(HttpMethod.Post, "api/access-requests", body, headers: [("Idempotency-Key", idempotencyKey)]);

    public Task<ApiResult<MyRequest[]>> MyRequestsAsync(PageOf page) => SendAsync<MyRequest[]>(HttpMethod.Get, $"api/me/access-requests?{page}");

    public Task<ApiResult<ConnectedOrganizations>> MyOrganizationsAsync() => SendAsync<ConnectedOrganizations>(HttpMethod.Get, "api/me/organizations");

    public Task<ApiResult<PendingRequest[]>> PendingRequestsAsync(string orgType, string orgId, PageOf page) =>
        SendAsync<PendingRequest[]>(HttpMethod.Get, $"{Org(orgType, orgId)}/access-requests?status=pending&{page}");

    public Task<ApiResult<JsonElement>> ApproveAsync(string orgType, string orgId, string requestId) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"{Org(orgType, orgId)}/access-requests/{E(requestId)}/approve");

    public Task<ApiResult<JsonElement>> DenyAsync(string orgType, string orgId, string requestId, string? reason) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"{Org(orgType, orgId)}/access-requests/{E(requestId)}/deny", new DenyBody(reason));

    public Task<ApiResult<Member[]>> MembersAsync(string orgType, string orgId, PageOf page) => SendAsync<Member[]>(HttpMethod.Get, $"{Org(orgType, orgId)}/users?{page}");

    public Task<ApiResult<JsonElement>> RemoveMemberAsync(string orgType, string orgId, string userId) =>
        SendAsync<JsonElement>(HttpMethod.Delete, $"{Org(orgType, orgId)}/users/{E(userId)}");

    public Task<ApiResult<AuditEntry[]>> AuditAsync(string orgType, string orgId, PageOf page) => SendAsync<AuditEntry[]>(HttpMethod.Get, $"{Org(orgType, orgId)}/audit?{page}");

    // Notifications (N-1)
    public Task<ApiResult<NotificationPage>> NotificationsAsync(int page, int pageSize) =>
        SendAsync<NotificationPage>(HttpMethod.Get, $"api/me/notifications?page={page}&pageSize={pageSize}");

    public Task<ApiResult<JsonElement>> MarkReadAsync(Guid id) => SendAsync<JsonElement>(HttpMethod.Post, $"api/me/notifications/{id}/read");

    // Registration (R-1 … R-14)
    public Task<ApiResult<Overview>> OverviewAsync(int py) => SendAsync<Overview>(HttpMethod.Get, $"api/registrations/{py}");

    public Task<ApiResult<RegistrationRecord>> RegistrationAsync(int py, string orgType, string orgId) =>
        SendAsync<RegistrationRecord>(HttpMethod.Get, Reg(py, orgType, orgId));

    public Task<ApiResult<RegistrationRecord>> SetSizeAsync(int py, string orgType, string orgId, string size, bool confirm) =>
        SendAsync<RegistrationRecord>(HttpMethod.Put, $"{Reg(py, orgType, orgId)}/size", new SizeBody(size, confirm));

    public Task<ApiResult<RegistrationRecord>> SetOrganizationAsync(int py, string orgType, string orgId, OrganizationBody body, string? etag) =>
        SendAsync<RegistrationRecord>(HttpMethod.Put, $"{Reg(py, orgType, orgId)}/organization", body, etag);

    public Task<ApiResult<JsonElement>> AddContactAsync(int py, string orgType, string orgId, ContactBody body, string idempotencyKey) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"{Reg(py, orgType, orgId)}/contacts", body, headers: [("Idempotency-Key", idempotencyKey)]);

    public Task<ApiResult<RegistrationRecord>> UpdateContactAsync(int py, string orgType, string orgId, string contactId, ContactBody body, string? etag) =>
        SendAsync<RegistrationRecord>(HttpMethod.Put, $"{Reg(py, orgType, orgId)}/contacts/{E(contactId)}", body, etag);

    public Task<ApiResult<JsonElement>> DeleteContactAsync(int py, string orgType, string orgId, string contactId) =>
        SendAsync<JsonElement>(HttpMethod.Delete, $"{Reg(py, orgType, orgId)}/contacts/{E(contactId)}");

    public Task<ApiResult<RegisteredProgram>> RegisterAsync(int py, string orgType, string orgId, string program, string idempotencyKey) =>
        SendAsync<RegisteredProgram>(HttpMethod.Post, $"{Reg(py, orgType, orgId)}/programs/{E(program)}", headers: [("Idempotency-Key", idempotencyKey)]);

    public Task<ApiResult<RegistrationRecord>> CancelAsync(int py, string orgType, string orgId, string program) =>
        SendAsync<RegistrationRecord>(HttpMethod.Delete, $"{Reg(py, orgType, orgId)}/programs/{E(program)}?confirm=true");

    public Task<ApiResult<HistoryEntry[]>> HistoryAsync(int py, string orgType, string orgId, PageOf page) =>
        SendAsync<HistoryEntry[]>(HttpMethod.Get, $"{Reg(py, orgType, orgId)}/history?{page}");

    // Operators (the directory, R-10 and R-13 imports, the Service Center)
    public Task<ApiResult<ImportReport>> ImportAsync(string path, Stream ndjson, CancellationToken cancellationToken)
    {
        var content = new StreamContent(ndjson);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return SendAsync<ImportReport>(HttpMethod.Post, path, content: content, cancellationToken: cancellationToken);
    }

    public Task<ApiResult<ServiceCenterItem[]>> ServiceCenterAsync(bool resolved, PageOf page) =>
        SendAsync<ServiceCenterItem[]>(HttpMethod.Get, $"api/admin/service-center/requests?status={(resolved ? "resolved" : "open")}&{page}");

    /// <summary>A-31: an organization's users with their roles and emails, for the Service Center.</summary>
    public Task<ApiResult<OrganizationUser[]>> OrganizationUsersAsync(string orgType, string orgId, PageOf page) =>
        SendAsync<OrganizationUser[]>(HttpMethod.Get, $"api/admin/organizations/{E(orgType)}/{E(orgId)}/users?{page}");

    public Task<ApiResult<JsonElement>> ResolveAsync(Guid id, string outcome, string? note) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"api/admin/service-center/requests/{id}/resolve", new ResolveBody(outcome, note));

    private static string E(string value) => Uri.EscapeDataString(value);

    private static string Org(string orgType, string orgId) => $"api/organizations/{E(orgType)}/{E(orgId)}";

    private static string Reg(int py, string orgType, string orgId) => $"api/registrations/{py}/{E(orgType)}/{E(orgId)}";

    private async Task<ApiResult<T>> SendAsync<T>(
        HttpMethod method, string path, object? body = null, string? ifMatch = null, (string Name, string Value)[]? headers = null,
        string? token = null, HttpContent? content = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Content = content ?? (body is null ? null : JsonContent.Create(body, options: ApiJson.Options));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (!string.IsNullOrEmpty(ifMatch))
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var etag = response.Headers.ETag?.ToString();
        if (response.IsSuccessStatusCode)
        {
            var value = response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
                ? default
                : await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellationToken);
            var total = response.Headers.TryGetValues("X-Total-Count", out var totals)
                && long.TryParse(totals.FirstOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
                ? count
                : (long?)null;
            return new ApiResult<T>(value, null, etag, total);
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized && request.Headers.Authorization is not null)
        {
            throw new SessionEndedException();
        }

        var problem = await ProblemOfAsync(response, cancellationToken);
        return new ApiResult<T>(default, problem with { RetryAt = RetryAtOf(response) }, etag);
    }

    /// <summary>When <c>Retry-After</c> (seconds or a date) says the person may try again.</summary>
    private DateTimeOffset? RetryAtOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => clock.GetUtcNow() + delta,
        { Date: { } date } => date,
        _ => null,
    };

    private static async Task<Problem> ProblemOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json"
                && await response.Content.ReadFromJsonAsync<Problem>(ApiJson.Options, cancellationToken) is { } problem)
            {
                return problem with { Status = status };
            }
        }
        catch (JsonException)
        {
        }

        return new Problem(status, response.ReasonPhrase, status == 429
            ? "Too many requests from your address. Wait a little and try again."
            : "The service could not complete the request. Try again in a moment.", null, null);
    }
}
