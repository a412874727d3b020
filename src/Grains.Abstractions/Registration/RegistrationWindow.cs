using System.Globalization;

namespace QppOrleans.Grains.Abstractions.Registration;

/// <summary>
/// when a performance year's registration is open, and which programs it offers.
/// Opens and closes are ISO-8601 instants; one given without an offset is read as
/// America/New_York wall-clock time, so a configured "10 a.m." stays 10 a.m. ET across daylight
/// saving. Open from <see cref="Opens"/> (inclusive) to <see cref="Closes"/> (exclusive).
/// </summary>
public sealed class RegistrationWindow
{
    private static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public string Opens { get; set; } = "";

    public string Closes { get; set; } = "";

    public string[] Programs { get; set; } = [.. Abstractions.Registration.Programs.All];

    private Parsed? opensAt;

    private Parsed? closesAt;

    public bool IsOpen(DateTimeOffset now) => At(ref opensAt, Opens) <= now && now < At(ref closesAt, Closes);

    public static DateTimeOffset Instant(string text)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(text))
        {
            return withOffset;
        }

        var local = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
        return new DateTimeOffset(local, Eastern.GetUtcOffset(local));
    }

    /// <summary>Every registration write asks whether the window is open: each text is read once.</summary>
    private static DateTimeOffset At(ref Parsed? parsed, string text)
    {
        if (parsed is not { } known || !ReferenceEquals(known.Text, text))
        {
            parsed = known = new Parsed(text, Instant(text));
        }

        return known.At;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && (text[^6] is '+' or '-') && text[^3] == ':');

    private sealed record Parsed(string Text, DateTimeOffset At);
}
