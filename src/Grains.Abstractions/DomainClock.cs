namespace QppOrleans.Grains.Abstractions;

/// <summary>
/// The clock the rules read (code expiry, lockout, registration windows): the
/// <see cref="TimeProvider"/> registered under this key, or the default one when none is, as
/// Orleans resolves any key to the default. Tests move this clock without moving Orleans' own.
/// </summary>
public static class DomainClock
{
    public const string Key = "domain";
}
