namespace QppOrleans.Grains.Abstractions.Registration;

/// <summary>Organization sizes in clinicians .</summary>
public static class Sizes
{
    public const string Small = "2-24";
    public const string Medium = "25-99";
    public const string Large = "100+";

    public static readonly IReadOnlyList<string> All = [Small, Medium, Large];

    /// <summary>R-3: the Web Interface needs 25 or more clinicians; the CAHPS survey any size.</summary>
    public static bool Qualifies(string? size, string program) => size is not null && (program != Programs.WebInterface || size != Small);
}
