using Microsoft.AspNetCore.Http.HttpResults;
using MimeKit;
using QppOrleans.Api.Errors;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Api.Dev;

/// <summary>Development only: the messages the development mail sink delivered to an address.</summary>
internal static class DevMessagesApi
{
    public static IEndpointRouteBuilder MapDevMessagesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dev/messages", ReadAsync).WithTags("Development");
        return app;
    }

    private static async Task<Results<Ok<DeliveredMessage[]>, ValidationProblem>> ReadAsync(string? to, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(to) || to.Length > 254 || !MailboxAddress.TryParse(to, out var address) || address.Address != to.Trim())
        {
            return ApiProblems.Invalid("to", "to is the email address whose messages to show.");
        }

        return TypedResults.Ok(await grains.GetGrain<IDevMailboxGrain>(GrainKeys.Mailbox(to)).ReadAsync());
    }
}
