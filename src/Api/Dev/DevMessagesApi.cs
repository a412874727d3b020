using Microsoft.AspNetCore.Http.HttpResults;
using QppOrleans.Api.Errors;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Api.Dev;

/// <summary>Development only: the messages the development mail sink delivered to an address.</summary>
internal static class DevMessagesApi
{
    public static RouteHandlerBuilder MapDevMessagesApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/dev/messages", ReadAsync).WithTags("Development").AllowAnonymous();

    private static async Task<Results<Ok<DeliveredMessage[]>, ValidationProblem>> ReadAsync(string? to, IGrainFactory grains)
    {
        if (!AccountInput.IsEmail(to) && (to is null || AccountInput.NormalizePhone(to) != to))
        {
            return ApiProblems.Invalid("to", "to is the email address, or the phone number as +1 and ten digits, whose messages to show.");
        }

        return TypedResults.Ok(await grains.Reference<IDevMailboxGrain>(GrainKeys.Mailbox(to!)).ReadAsync());
    }
}
