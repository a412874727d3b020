using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using QppOrleans.Api.Accounts;
using QppOrleans.Api.Errors;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Api.Notifications;

/// <summary>The signed-in person's on-screen notifications (N-1).</summary>
internal static class NotificationsApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 1000;

    public static RouteGroupBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me/notifications").WithTags("Notifications").RequireSignedIn();
        group.MapGet("/", ListAsync);
        group.MapPost("/{id:guid}/read", MarkReadAsync).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<NotificationPage>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, IGrainFactory grains, int? page, int? pageSize)
    {
        if (page is < 1 or > MaxPage)
        {
            return ApiProblems.Invalid("page", $"page is a number from 1 to {MaxPage}.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return ApiProblems.Invalid("pageSize", $"pageSize is a number from 1 to {MaxPageSize}.");
        }

        var inbox = grains.Reference<IInboxGrain>(GrainKeys.Inbox(user.UserId()));
        return TypedResults.Ok(await inbox.PageAsync(page ?? 1, pageSize ?? DefaultPageSize));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkReadAsync(ClaimsPrincipal user, IGrainFactory grains, Guid id) =>
        await grains.Reference<IInboxGrain>(GrainKeys.Inbox(user.UserId())).MarkReadAsync(id)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("You have no notification with this id.");
}
