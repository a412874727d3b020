namespace QppOrleans.Grains.Abstractions;

/// <summary>
/// A grain method that may run twice without harm: a second run does what the first did, or skips
/// a number that is never used (a registration id). A call to it can be sent again when the silo
/// holding its target went away mid-call and its outcome is unknown — as can a
/// <see cref="Orleans.Concurrency.ReadOnlyAttribute">read-only</see> call.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class RepeatableAttribute : Attribute;
