namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>
/// The shared format of an APM Entity ID, a Vendor ID and a Virtual Group ID: 1 to 20 letters,
/// digits and dashes, compared in upper case.
/// </summary>
public static class ProgramId
{
    public static bool TryNormalize(string? text, string what, out string value, out string error)
    {
        value = "";
        if (text is not { Length: >= 1 and <= 20 } || !text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            error = $"{what} is 1 to 20 letters, digits and dashes.";
            return false;
        }

        value = text.ToUpperInvariant();
        error = "";
        return true;
    }
}
