using QppOrleans.Grains.Abstractions;

namespace QppOrleans.Grains.Registration;

/// <summary>Why the registration core refuses a command: a stable code (the problem's <c>code</c>) and what a person reads (API.md "Registration").</summary>
public static class RegistrationMessages
{
    /// <summary>Not connected to the organization, or no such registration: its existence must not leak (404).</summary>
    public static readonly Refusal NotFound = new("not-found", "There is no such registration.");

    /// <summary>R-1: connected, but only a Security Official writes (403).</summary>
    public static readonly Refusal NotSecurityOfficial = new("forbidden", "Only a Security Official of this organization may submit, modify or cancel its registration (R-1).");

    /// <summary>R-4: a size below 25 deletes the Web Interface registration only when confirmed.</summary>
    public static readonly Refusal SizeChangeUnconfirmed = new("confirmation-required", Registration.SizeChangeWarning);

    /// <summary>R-8.</summary>
    public static readonly Refusal CancellationUnconfirmed = new("confirmation-required", "Cancelling a registration needs confirmation: repeat the request with confirm=true (R-8).");

    /// <summary>R-6.</summary>
    public static readonly Refusal LastContact = new("last-contact", "A registration keeps at least one contact. Edit this contact instead of deleting it (R-6).");

    /// <summary>R-3.</summary>
    public static readonly Refusal SizeIneligible = new("size-ineligible",
        "The CMS Web Interface needs 25 or more clinicians, the CAHPS for MIPS Survey 2 or more; set the organization's size first (R-3).");

    /// <summary>R-5, R-6.</summary>
    public static readonly Refusal Incomplete = new("incomplete",
        "Complete the organization information (name, address, city, state, ZIP) and add at least one contact before registering (R-5, R-6).");

    public static readonly Refusal AlreadyRegistered = new("already-registered", "The organization is already registered for this program.");

    public static readonly Refusal NotRegistered = new("not-registered", "The organization is not registered for this program.");

    public static readonly Refusal NoSuchContact = new("not-found", "There is no such contact on this registration.");

    /// <summary>A registration holds at most <c>Registration:MaxContacts</c> contacts: each is mailed on every change .</summary>
    public static readonly Refusal TooManyContacts = new("too-many-contacts", "This registration has as many contacts as it may hold. Edit or delete one before adding another.");

    /// <summary>If-Match named an older version (412).</summary>
    public static readonly Refusal VersionMismatch = new("precondition-failed", "The registration changed since you read it (If-Match). Read it again and retry.");

    /// <summary>R-2.</summary>
    public static Refusal Closed(int performanceYear) =>
        new("registration-closed", $"The {performanceYear} registration period is not open: nothing can be submitted, modified or cancelled (R-2).");

    /// <summary>R-15.</summary>
    public static Refusal ProgramNotOffered(int performanceYear) => new("program-not-offered", $"Performance year {performanceYear} does not offer this program (R-15).");
}
