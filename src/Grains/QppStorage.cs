namespace QppOrleans.Grains;

/// <summary>The one grain storage provider every grain persists to.</summary>
public static class QppStorage
{
    public const string Name = "qpp";
}
