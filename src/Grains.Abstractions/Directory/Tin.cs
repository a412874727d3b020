namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>A Taxpayer Identification Number: nine digits, entered without dashes, shown as <c>00-0765630</c> (A-12).</summary>
[GenerateSerializer, Immutable, Alias("qpp.directory.Tin")]
public readonly record struct Tin([property: Id(0)] string Value)
{
    public string Display => $"{Value[..2]}-{Value[2..]}";

    public static bool TryParse(string? text, out Tin tin, out string error)
    {
        tin = default;
        if (text is not { Length: 9 } || !text.All(char.IsAsciiDigit))
        {
            error = "A TIN is exactly 9 digits, without dashes.";
            return false;
        }

        tin = new Tin(text);
        error = "";
        return true;
    }

    public override string ToString() => Value;
}
