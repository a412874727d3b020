namespace QppOrleans.Grains.Accounts;

/// <summary>A-9: a device being added, until the code sent to it comes back.</summary>
[GenerateSerializer, Alias("qpp.accounts.PendingDevice")]
public sealed class PendingDevice
{
    [Id(0)] public Device Device { get; set; } = new();

    [Id(1)] public string CodeHash { get; set; } = "";

    [Id(2)] public DateTimeOffset ExpiresAt { get; set; }

    [Id(3)] public int WrongCodes { get; set; }
}
