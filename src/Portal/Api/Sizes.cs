namespace QppOrleans.WebPortal.Api;

/// <summary>Organization sizes in clinicians, as the API spells them and the guide shows them.</summary>
public static class Sizes
{
    public const string Small = "2-24";
    public const string Medium = "25-99";
    public const string Large = "100+";

    public static readonly IReadOnlyList<string> All = [Small, Medium, Large];

    public static string Label(string size) => size == Large ? "100 or greater" : size;

    /// <summary>R-3: the Web Interface needs 25 or more clinicians.</summary>
    public static bool Allows(string? size, string program) => size is not null && (program != Programs.WebInterface || size != Small);
}
