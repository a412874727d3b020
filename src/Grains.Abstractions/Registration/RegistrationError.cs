namespace QppOrleans.Grains.Abstractions.Registration;

/// <summary>Why a registration command was refused; the API maps each to its status and code.</summary>
public enum RegistrationError
{
    None,

    /// <summary>Not connected to the organization (404: its existence must not leak).</summary>
    NotFound,

    /// <summary>Connected, but only a Security Official writes (R-1, 403).</summary>
    NotSecurityOfficial,

    /// <summary>R-2 (409 <c>registration-closed</c>).</summary>
    Closed,

    /// <summary>R-4, R-8 (409 <c>confirmation-required</c>).</summary>
    ConfirmationRequired,

    /// <summary>R-6 (409 <c>last-contact</c>).</summary>
    LastContact,

    /// <summary>R-3 (409 <c>size-ineligible</c>).</summary>
    SizeIneligible,

    /// <summary>R-5, R-6 (409 <c>incomplete</c>).</summary>
    Incomplete,

    AlreadyRegistered,
    NotRegistered,

    /// <summary>R-15 (409 <c>program-not-offered</c>).</summary>
    ProgramNotOffered,

    NoSuchContact,

    /// <summary>A registration holds at most <c>Registration.MaxContacts</c> contacts (409 <c>too-many-contacts</c>).</summary>
    TooManyContacts,

    /// <summary>If-Match named an older version (412).</summary>
    VersionMismatch,
}
