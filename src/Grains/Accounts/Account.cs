using QppOrleans.Grains.Abstractions.Accounts;

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

    /// <summary>
    /// the account a sign-up opens — the id normalized (case-insensitive), the phone as
    /// E.164, the email device and the phone's, the password hashed — from input the API
    /// has validated (<see cref="AccountInput"/>).
    /// </summary>
    public static Account Open(NewAccount input, DateTimeOffset createdAt, Passwords passwords)
    {
        var userId = AccountInput.NormalizeUserId(input.UserId);
        var phone = input.Phone is null ? null : AccountInput.NormalizePhone(input.Phone);
        List<Device> devices = [new Device { Id = DeviceKinds.Email, Kind = DeviceKinds.Email, Destination = input.Email.Trim() }];
        if (phone is not null)
        {
            devices.Add(new Device { Id = DeviceKinds.Sms, Kind = DeviceKinds.Sms, Destination = phone });
        }

        return new Account
        {
            UserId = userId,
            FirstName = input.FirstName.Trim(),
            LastName = input.LastName.Trim(),
            Email = input.Email.Trim(),
            Phone = phone,
            PasswordHash = passwords.Hash(userId, input.Password),
            Devices = devices,
            CreatedAt = createdAt,
        };
    }
}
