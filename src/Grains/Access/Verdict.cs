using QppOrleans.Grains.Abstractions;

namespace QppOrleans.Grains.Access;

/// <summary>
/// Why validation information was refused, and whether it was an attempt: checked against
/// the directory and found wrong. Only attempts count towards the Service Center.
/// </summary>
public sealed record Verdict(Refusal Refusal, bool IsAttempt);
