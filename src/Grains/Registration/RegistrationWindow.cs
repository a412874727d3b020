using System.Globalization;

namespace QppOrleans.Grains.Registration;

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

    public bool IsOpen(DateTimeOffset now) => Instant(Opens) <= now && now < Instant(Closes);

    public static DateTimeOffset Instant(string text)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(text))
        {
            return withOffset;
        }

        var local = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
        return new DateTimeOffset(local, Eastern.GetUtcOffset(local));
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && (text[^6] is '+' or '-') && text[^3] == ':');
}
