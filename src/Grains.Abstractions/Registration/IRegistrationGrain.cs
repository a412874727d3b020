using Orleans.Concurrency;
using QppOrleans.Grains.Abstractions.Access;

namespace QppOrleans.Grains.Abstractions.Registration;

/// <summary>
/// One organization's registration for one performance year (R-1 … R-14), keyed by
/// <see cref="GrainKeys.Registration"/>. Writes need a Security Official of the organization
/// (asked of the organization grain); reads any connected user; operators import.
/// <c>ifMatch</c> is the version the caller read (its ETag), or null.
/// </summary>
[Alias("qpp.registration.IRegistrationGrain")]
public interface IRegistrationGrain : IGrainWithStringKey
{
    [Alias("Get"), ReadOnly]
    Task<RegistrationResult> GetAsync(string actor);

    [Alias("SetSize")]
    Task<RegistrationResult> SetSizeAsync(string actor, string size, bool confirm, long? ifMatch);

    [Alias("SetOrganization")]
    Task<RegistrationResult> SetOrganizationAsync(string actor, OrganizationInfo organization, long? ifMatch);

    /// <summary>
    /// <paramref name="requestKey"/> stands for the caller's <c>Idempotency-Key</c>: it is stored
    /// with the new contact in the same write, and a repeat answers with that contact instead of
    /// adding another, even when the first answer and the API's record of it were lost.
    /// </summary>
    [Alias("AddContact")]
    Task<RegistrationResult> AddContactAsync(string actor, ContactInput contact, long? ifMatch, string? requestKey);

    [Alias("UpdateContact")]
    Task<RegistrationResult> UpdateContactAsync(string actor, string contactId, ContactInput contact, long? ifMatch);

    [Alias("DeleteContact")]
    Task<RegistrationResult> DeleteContactAsync(string actor, string contactId, long? ifMatch);

    [Alias("Register")]
    Task<RegistrationResult> RegisterAsync(string actor, string program, long? ifMatch);

    [Alias("Cancel")]
    Task<RegistrationResult> CancelAsync(string actor, string program, bool confirm, long? ifMatch);

    /// <summary>R-14, newest first; null for someone not connected.</summary>
    [Alias("History"), ReadOnly]
    Task<HistoryEntry[]?> HistoryAsync(string actor);

    /// <summary>
    /// registers the programs not yet registered; true when anything changed. The array is
    /// never changed by either side, so it is not copied ([Immutable]); a copied array parameter
    /// makes every reference to this grain build an array copier by reflection when created,
    /// about 2 % of a portal read's CPU time.
    /// </summary>
    [Alias("AutoRegister")]
    Task<bool> AutoRegisterAsync(string operatorId, [Immutable] string[] programs, string reason);

    /// <summary>R-13: stores the sampling results; true when anything changed.</summary>
    [Alias("RecordSampling")]
    Task<bool> RecordSamplingAsync(string operatorId, int webInterfaceAssignedPatients, bool cahpsSampleMet);

    /// <summary>The registration without an access check, for overviews the caller has already scoped .</summary>
    [Alias("Summary"), ReadOnly]
    Task<RegistrationView> SummaryAsync();
}
