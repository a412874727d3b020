using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using QppOrleans.Api.Errors;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Accounts;

namespace QppOrleans.Api.Access;

/// <summary>
/// <c>Idempotency-Key</c> on POSTs that create (API.md): the same key from the same user returns the
/// first successful result and creates nothing new; a refusal is not kept, so a retry runs again.
/// </summary>
internal static class IdempotentRequests
{
    public const int MaxKeyLength = 200;

    /// <summary>Documents what a key adds: 409 while its first request runs, 422 when reused for another request.</summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="run">The request's work: its value, or the refusal (which is not kept).</param>
    /// <param name="answer">The success status around the value, the first time and on every replay.</param>
    public static async Task<Results<TSuccess, ValidationProblem, ProblemHttpResult>> RunAsync<T, TSuccess>(
        IGrainFactory grains, string userId, string? key, string scope, object request, Func<Task<(T? Value, ProblemHttpResult? Refusal)>> run, Func<T, TSuccess> answer)
        where T : class
        where TSuccess : IResult
    {
        if (key is null)
        {
            var (value, refusal) = await run();
            return refusal is null ? answer(value!) : refusal;
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
                return answer(JsonSerializer.Deserialize<T>(claim.Response!, Json)!);
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

            await grain.CompleteAsync(JsonSerializer.Serialize(value, Json));
            return answer(value!);
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
