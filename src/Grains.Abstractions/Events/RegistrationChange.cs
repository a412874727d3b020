namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>What happened to a program registration .</summary>
public enum RegistrationChange
{
    Submitted,
    Modified,
    Cancelled,
}
