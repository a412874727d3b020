namespace QppOrleans.Grains.Abstractions.Access;

/// <summary>Why a command on an organization's access was refused; the API maps it to 403, 404 or 409.</summary>
public enum AccessError
{
    None,

    /// <summary>The actor is not connected to the organization: it must not learn more (404).</summary>
    NotConnected,

    /// <summary>Connected, but the action needs a Security Official (403).</summary>
    NotSecurityOfficial,

    NoSuchRequest,
    RequestNotPending,
    NoSuchMember,

    /// <summary>A-27: the last Security Official cannot remove their own role.</summary>
    LastSecurityOfficial,

    NoEscalation,
}
