using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Diagnostics;

namespace QppOrleans.Api.Dev;

/// <summary>
/// Development only: write and read a probe grain over HTTP, to see state survive a restart or a
/// silo failure without any domain data.
/// </summary>
internal static partial class DevProbeApi
{
    private const int MaxValueLength = 1000;

    public static RouteGroupBuilder MapDevProbeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dev/probes").WithTags("Development").AllowAnonymous();
        group.MapGet("/{name}", ReadAsync);
        group.MapPut("/{name}", WriteAsync);
        return group;
    }

    private static async Task<Results<Ok<ProbeReading>, ValidationProblem>> ReadAsync(string name, IGrainFactory grains)
    {
        if (!ProbeName().IsMatch(name))
        {
            return NameProblem();
        }

        return TypedResults.Ok(await grains.Reference<IProbeGrain>(GrainKeys.Probe(name)).ReadAsync());
    }

    private static async Task<Results<Ok<ProbeReading>, ValidationProblem>> WriteAsync(string name, ProbeWrite body, IGrainFactory grains)
    {
        if (!ProbeName().IsMatch(name))
        {
            return NameProblem();
        }

        if (body.Value is null || body.Value.Length > MaxValueLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["value"] = [$"A value of 0 to {MaxValueLength} characters is required."] });
        }

        return TypedResults.Ok(await grains.Reference<IProbeGrain>(GrainKeys.Probe(name)).WriteAsync(body.Value));
    }

    private static ValidationProblem NameProblem() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["name"] = ["A probe name is 1 to 64 lowercase letters, digits and dashes."] });

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex ProbeName();
}

/// <summary>The body of a probe write.</summary>
public sealed record ProbeWrite(string? Value);
