namespace QppOrleans.Grains.Abstractions.Registration;

/// <summary>Section <c>Registration</c>: windows and programs per performance year .</summary>
public sealed class RegistrationOptions
{
    public const string Section = "Registration";

    /// <summary>By performance year, e.g. <c>Registration:Windows:2021:Opens</c>.</summary>
    public Dictionary<string, RegistrationWindow> Windows { get; set; } = [];

    /// <summary>The year the portal shows by default (connected organizations, R-12).</summary>
    public int CurrentYear { get; set; } = 2021;

    /// <summary>
    /// Contacts one registration holds at most (R-6 sets no bound; every contact is mailed on every
    /// change, R-9, so one account must not be able to add a mailing list).
    /// </summary>
    public int MaxContacts { get; set; } = 10;

    public RegistrationWindow? For(int performanceYear) =>
        Windows.TryGetValue(performanceYear.ToString(System.Globalization.CultureInfo.InvariantCulture), out var window) ? window : null;
}
