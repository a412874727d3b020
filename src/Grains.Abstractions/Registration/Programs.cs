namespace QppOrleans.Grains.Abstractions.Registration;

/// <summary>The two programs, as the API spells them.</summary>
public static class Programs
{
    public const string WebInterface = "web-interface";
    public const string Cahps = "cahps";

    public static readonly IReadOnlyList<string> All = [WebInterface, Cahps];
}
