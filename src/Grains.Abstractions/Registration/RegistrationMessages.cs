using QppOrleans.Grains.Abstractions;

namespace QppOrleans.Grains.Abstractions.Registration;

/// <summary>Why the registration core refuses a command: a stable code (the problem's <c>code</c>), what a person reads and its heading (API.md "Registration").</summary>
public static class RegistrationMessages
{
    /// <summary>R-4: the seed's confirmation text.</summary>
    public const string SizeChangeWarning =
        "You have chosen a new group size that doesn't qualify you to participate in CMS Web Interface. By accepting the new group size, your CMS Web Interface registration will be deleted. Are you sure you want to change your group size?";

    /// <summary>Not connected to the organization, or no such registration: its existence must not leak (404).</summary>
    public static readonly Refusal NotFound = new(RefusalCodes.NotFound, "There is no such registration.");

    /// <summary>R-1: connected, but only a Security Official writes (403).</summary>
    public static readonly Refusal NotSecurityOfficial = new(RefusalCodes.Forbidden, "Only a Security Official of this organization may submit, modify or cancel its registration (R-1).");

    /// <summary>R-4: a size below 25 deletes the Web Interface registration only when confirmed.</summary>
    public static readonly Refusal SizeChangeUnconfirmed = new("confirmation-required", SizeChangeWarning, "Confirm Change in Size?");

    /// <summary>R-8.</summary>
    public static readonly Refusal CancellationUnconfirmed = new("confirmation-required", "Cancelling a registration needs confirmation: repeat the request with confirm=true (R-8).", "Confirm the cancellation.");

    /// <summary>R-6.</summary>
    public static readonly Refusal LastContact = new("last-contact", "A registration keeps at least one contact. Edit this contact instead of deleting it (R-6).", "The last contact cannot be deleted.");

    /// <summary>R-3.</summary>
    public static readonly Refusal SizeIneligible = new("size-ineligible",
        "The CMS Web Interface needs 25 or more clinicians, the CAHPS for MIPS Survey 2 or more; set the organization's size first (R-3).", "The organization size does not qualify.");

    /// <summary>R-5, R-6.</summary>
    public static readonly Refusal Incomplete = new("incomplete",
        "Complete the organization information (name, address, city, state, ZIP) and add at least one contact before registering (R-5, R-6).", "Information is missing.");

    public static readonly Refusal AlreadyRegistered = new("already-registered", "The organization is already registered for this program.", "Already registered.");

    public static readonly Refusal NotRegistered = new("not-registered", "The organization is not registered for this program.", "Not registered.");

    public static readonly Refusal NoSuchContact = new(RefusalCodes.NotFound, "There is no such contact on this registration.");

    /// <summary>A registration holds at most <c>Registration:MaxContacts</c> contacts: each is mailed on every change .</summary>
    public static readonly Refusal TooManyContacts = new("too-many-contacts", "This registration has as many contacts as it may hold. Edit or delete one before adding another.", "Too many contacts.");

    /// <summary>If-Match named an older version (412).</summary>
    public static readonly Refusal VersionMismatch = new(RefusalCodes.PreconditionFailed, "The registration changed since you read it (If-Match). Read it again and retry.", "The registration changed.");

    /// <summary>R-2.</summary>
    public static Refusal Closed(int performanceYear) =>
        new("registration-closed", $"The {performanceYear} registration period is not open: nothing can be submitted, modified or cancelled (R-2).", "Registration is closed.");

    /// <summary>R-15.</summary>
    public static Refusal ProgramNotOffered(int performanceYear) => new("program-not-offered", $"Performance year {performanceYear} does not offer this program (R-15).", "The program is not offered.");
}
