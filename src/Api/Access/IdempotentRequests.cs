using System.Text;
using System.Text.Json;
using QppOrleans.Api.Errors;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Accounts;

namespace QppOrleans.Api.Access;

/// <summary>
/// <c>Idempotency-Key</c> on POSTs that create (API.md): the same key from the same user returns the
/// first successful result and creates nothing new; a refusal is not kept, so a retry runs again.
/// </summary>
internal static class IdempotentRequests
{
    public const int MaxKeyLength = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> RunAsync<T>(
        IGrainFactory grains, string userId, string? key, string scope, object request, int successStatus, Func<Task<(T? Value, IResult? Refusal)>> run)
    {
        if (key is null)
        {
            var (value, refusal) = await run();
            return refusal ?? Results.Json(value, Json, statusCode: successStatus);
        }

        if (key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl))
        {
            return ApiProblems.Invalid("Idempotency-Key", $"An Idempotency-Key is 1 to {MaxKeyLength} printable characters.");
        }

        var grain = grains.Reference<IIdempotencyGrain>(GrainKeys.Idempotency(userId, Hash($"{scope}\n{key}")));
        var claim = await grain.BeginAsync(Hash($"{scope}\n{JsonSerializer.Serialize(request, Json)}"));
        switch (claim.Status)
        {
            case IdempotencyStatus.Completed:
                return Results.Content(claim.Response!, "application/json", Encoding.UTF8, successStatus);
            case IdempotencyStatus.InProgress:
                return ApiProblems.Problem(409, "request-in-progress", "The first request with this key is still running.", "Retry in a moment to get its result.");
            case IdempotencyStatus.Mismatch:
                return ApiProblems.Problem(422, "idempotency-key-reused", "The Idempotency-Key was used for another request.", "Use a new Idempotency-Key for a different request.");
        }

        try
        {
            var (value, refusal) = await run();
            if (refusal is not null)
            {
                await grain.AbandonAsync();
                return refusal;
            }

            var json = JsonSerializer.Serialize(value, Json);
            await grain.CompleteAsync(json);
            return Results.Content(json, "application/json", Encoding.UTF8, successStatus);
        }
        catch
        {
            await grain.AbandonAsync();
            throw;
        }
    }

    /// <summary>
    /// The key under which a grain that creates something remembers this user's request in its own
    /// state, so that a repeat creates nothing even when the first answer was never recorded here.
    /// </summary>
    public static string? RequestKey(string userId, string? key) => key is null ? null : Hash($"{userId}\n{key}");

    private static string Hash(string text) => Secrets.Hash(text)[..32];
}
