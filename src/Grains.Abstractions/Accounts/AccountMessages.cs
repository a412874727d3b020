using QppOrleans.Grains.Abstractions;

namespace QppOrleans.Grains.Abstractions.Accounts;

/// <summary>Why a change to a person's credentials was refused (A-7 … A-9).</summary>
public static class AccountMessages
{
    public static readonly Refusal InvalidCode = new(RefusalCodes.InvalidCode, "The security code is wrong or has expired. Request a new code, or start again.");

    public static readonly Refusal WrongPassword = new(RefusalCodes.WrongPassword, "The current password is incorrect.");

    public static readonly Refusal TooManyFailures = new(RefusalCodes.Locked, "Too many failed attempts. Try again in 15 minutes or reset your password.");

    public static readonly Refusal NoAccount = new(RefusalCodes.NotFound, "There is no account for this token.");

    public static readonly Refusal NoSuchDevice = new(RefusalCodes.NotFound, "You have no verification device with this id.");

    public static readonly Refusal LastDevice = new("last-device",
        "This is your only verification device, so it cannot be removed. Add another device first.");

    public static readonly Refusal DeviceLimit = new("device-limit",
        $"An account holds at most {SignInRules.MaxDevices} verification devices. Remove one before adding another.");

    public static readonly Refusal DeviceExists = new("device-exists", "This address is already one of your verification devices.");

    public static readonly Refusal NothingToConfirm = new(RefusalCodes.NotFound,
        "There is no device waiting for this code. Add the device again to get a new code.");
}
