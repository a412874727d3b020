namespace QppOrleans.WebPortal.Api;

// The API's bodies for operators (API.md "Operators and the Service Center") and notifications.

public sealed record ImportReport(long Created, long Updated, long Unchanged, long Rejected, RejectedLine[] Rejections);

public sealed record RejectedLine(int Line, string Reason);

public sealed record ServiceCenterItem(
    Guid RequestId, DateTimeOffset OpenedAt, string OrgType, string OrgId, string OrganizationName, string UserId, string Role, string Reason, string Status, DateTimeOffset? ResolvedAt, string? ResolvedBy);

/// <summary>A-31: a connected person as the Service Center sees them.</summary>
public sealed record OrganizationUser(string UserId, string Name, string Email, string Role, DateTimeOffset Since);

public sealed record ResolveBody(string Outcome, string? Note);

public sealed record NotificationPage(Notification[] Items, int Page, int PageSize, int TotalCount, int UnreadCount);

public sealed record Notification(Guid Id, DateTimeOffset At, string Subject, string Body, bool Read);
