namespace QppOrleans.Grains.Abstractions.Directory;

public enum ImportOutcome
{
    Created,
    Updated,
    Unchanged,
}
