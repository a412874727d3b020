namespace QppOrleans.Grains.Access;

/// <summary>
/// A-32, section <c>Access:PendingRequests</c>: a request nobody decides reminds the organization's
/// Security Officials after <see cref="RemindAfter"/>, again after <see cref="RemindAgainAfter"/>, and
/// expires after <see cref="ExpireAfter"/> (all from the request), checked every <see cref="CheckEvery"/>
/// by a reminder, so that it survives silo restarts.
/// </summary>
public sealed class PendingRequestOptions
{
    public const string Section = "Access:PendingRequests";

    public TimeSpan RemindAfter { get; set; } = TimeSpan.FromDays(3);

    public TimeSpan RemindAgainAfter { get; set; } = TimeSpan.FromDays(10);

    public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>At least Orleans' <c>ReminderOptions.MinimumReminderPeriod</c> (one minute by default).</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);
}
