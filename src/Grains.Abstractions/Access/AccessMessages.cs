using QppOrleans.Grains.Abstractions;

namespace QppOrleans.Grains.Abstractions.Access;

/// <summary>A-25: the seed's error messages (Appendix C/D) word for word, each with a stable code.</summary>
public static class AccessMessages
{
    public static readonly Refusal AlreadyConnected = new("already-connected", "Our records show that you already have the account access you requested.");

    /// <summary>A-26; the seed's text, telephone number included as printed there.</summary>
    public static readonly Refusal AttemptLimit = new("attempt-limit",
        "We have attempted to complete your request three times. Your request has been sent to the Service Center. You may contact the Service Center at qpp@cms.hhs.gov or 1-8666-288-8292 (TRS: 711)");

    public static readonly Refusal MissingInformation = new("missing-information", "You must provide all required information to complete this request.");
    public static readonly Refusal InvalidTinFormat = new("invalid-tin-format", "One or more of the provided TINs is improperly formatted.");
    public static readonly Refusal SingleTinRequired = new("single-tin-required", "This requires a single valid TIN. Only one TIN may be provided at a time.");
    public static readonly Refusal TinPtanMismatch = new("tin-ptan-mismatch", "We could not validate the TIN/PTAN provided.");
    public static readonly Refusal NotVerified = new("not-verified", "We could not verify the information you provided. Please try again.");
    /// <summary>The Virtual Group row of the seed's table, with its own typo kept ("your provided").</summary>
    public static readonly Refusal VirtualGroupNotVerified = new("not-verified", "We could not verify the information your provided. Please try again.");

    /// <summary>A-28, the connect guide's FAQ 7.</summary>
    public static readonly Refusal RoleChangeByQpp = new("role-change-by-qpp",
        "You already hold another role at this organization. To change your role between Security Official and Staff User, contact QPP by phone at 1-866-288-8292 (TRS: 711) or by email at qpp@cms.hhs.gov.");

    public static readonly Refusal TwoTinsRequired = new("two-tins-required", "This request requires at least two valid TINs.");
    public static readonly Refusal VirtualGroupNotFound = new("virtual-group-not-found", "We could not locate a Virtual Group associated with the Virtual Group ID provided.");

    /// <summary>A-21 (not in the seed's table).</summary>
    public static readonly Refusal SecurityOfficialRequired = new("security-official-required",
        "This organization does not have a Security Official yet. The first person to connect must request the Security Official role.");

    /// <summary>A-15 (not in the seed's table).</summary>
    public static readonly Refusal SharedSavingsProgram = new("aco-ms",
        "Shared Savings Program ACOs request and manage QPP roles in the ACO Management System (ACO-MS), not here. Please use ACO-MS.");

    /// <summary>Commands on an organization's access, refused: the codes decide 404, 403 or 409.</summary>
    public static readonly Refusal NotConnected = new(RefusalCodes.NotFound, "There is no such organization.");

    public static readonly Refusal NotSecurityOfficial = new(RefusalCodes.Forbidden, "Only a Security Official of this organization may do this.");
    public static readonly Refusal NoSuchRequest = new(RefusalCodes.NotFound, "There is no such access request at this organization.");
    public static readonly Refusal NoSuchMember = new(RefusalCodes.NotFound, "This person holds no role at this organization.");
    public static readonly Refusal RequestNotPending = new("request-not-pending", "This request is no longer pending.", "The request was already decided.");

    /// <summary>A-27.</summary>
    public static readonly Refusal LastSecurityOfficial = new("last-security-official",
        "You are the only Security Official of this organization, so you cannot remove your own role. Ask the QPP Service Center.",
        "The last Security Official cannot leave.");

    public static readonly Refusal NoEscalation = new("no-escalation", "This person has no request waiting for the Service Center at this organization.", "Nothing to resolve.");
}
