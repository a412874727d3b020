namespace QppOrleans.Grains.Accounts;

/// <summary>A person's account. The password is kept only as a salted slow hash .</summary>
[GenerateSerializer, Alias("qpp.accounts.Account")]
public sealed class Account
{
    [Id(0)] public string UserId { get; set; } = "";

    [Id(1)] public string FirstName { get; set; } = "";

    [Id(2)] public string LastName { get; set; } = "";

    [Id(3)] public string Email { get; set; } = "";

    [Id(4)] public string? Phone { get; set; }

    [Id(5)] public string PasswordHash { get; set; } = "";

    [Id(6)] public List<Device> Devices { get; set; } = [];

    [Id(7)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set only by the provisioning command, never through the public API.</summary>
    [Id(8)] public bool Operator { get; set; }

    public string Name => $"{FirstName} {LastName}";
}
