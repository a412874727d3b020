namespace QppOrleans.WebPortal.Api;

/// <summary>The two programs as the API spells them, and as the guide names them.</summary>
public static class Programs
{
    public const string WebInterface = "web-interface";
    public const string Cahps = "cahps";

    public static readonly IReadOnlyList<string> All = [WebInterface, Cahps];

    public static string Name(string program) => program == WebInterface ? "CMS Web Interface" : "CAHPS for MIPS Survey";
}
