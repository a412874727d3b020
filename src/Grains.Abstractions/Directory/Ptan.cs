namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>A Provider Transaction Access Number: 6 to 10 letters and digits, compared in upper case.</summary>
[GenerateSerializer, Immutable, Alias("qpp.directory.Ptan")]
public readonly record struct Ptan([property: Id(0)] string Value)
{
    public static bool TryParse(string? text, out Ptan ptan, out string error)
    {
        ptan = default;
        if (text is not { Length: >= 6 and <= 10 } || !text.All(char.IsAsciiLetterOrDigit))
        {
            error = "A PTAN is 6 to 10 letters and digits.";
            return false;
        }

        ptan = new Ptan(text.ToUpperInvariant());
        error = "";
        return true;
    }

    public override string ToString() => Value;
}
