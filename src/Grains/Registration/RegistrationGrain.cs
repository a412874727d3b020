using QppOrleans.Grains.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Abstractions.Registration;
using QppOrleans.Grains.Directory;
using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Registration;

/// <summary>
/// One organization's registration for one performance year. It asks the organization grain
/// (the authority on roles) who the actor is, runs <see cref="Registration"/>, and commits the
/// state with the contacts' events in one write. It lives on its organization grain's silo.
/// </summary>
[OrganizationPlacement]
public sealed class RegistrationGrain(
    [PersistentState("registration", QppStorage.Name)] IPersistentState<RegistrationState> state,
    IDirectoryStore directory,
    IOptionsMonitor<RegistrationOptions> options,
    Permissions permissions,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : PublishingGrain<RegistrationState>(state), IRegistrationGrain
{
    private OrganizationInfo? shownFromDirectory;

    private string? freshId;

    /// <summary>The record as last shown, kept until its version changes: reads far outnumber writes.</summary>
    private RegistrationView? view;

    private RegistrationState Record => Storage.State;

    private (int Year, string OrgType, string OrgId)? key;

    private IOrganizationGrain? organization;

    /// <summary>The year and organization of the key <c>registration/{year}/{orgType}/{orgId}</c>, read once.</summary>
    private (int Year, string OrgType, string OrgId) Key => key ??= Parse(this.GetPrimaryKeyString());

    private IOrganizationGrain Organization => organization ??= GrainFactory.Reference<IOrganizationGrain>(GrainKeys.Organization(Key.OrgType, Key.OrgId));

    private static (int Year, string OrgType, string OrgId) Parse(string grainKey)
    {
        var parts = grainKey.Split('/', 4);
        return (int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), parts[2], parts[3]);
    }

    async Task<RegistrationResult> IRegistrationGrain.GetAsync(string actor) =>
        (await RulesAsync(Record)).MayRead(await Organization.RoleOfAsync(actor)) is { } refusal
            ? new RegistrationResult(refusal)
            : new RegistrationResult(null, await ViewAsync());

    Task<RegistrationResult> IRegistrationGrain.SetSizeAsync(string actor, string size, bool confirm, long? ifMatch) =>
        WriteAsync(actor, ifMatch, (rules, role) => rules.SetSize(actor, role, size, confirm));

    async Task<RegistrationResult> IRegistrationGrain.SetOrganizationAsync(string actor, OrganizationInfo organization, long? ifMatch)
    {
        var shown = await ShownAsync();
        return await WriteAsync(actor, ifMatch, (rules, role) => rules.SetOrganization(actor, role, organization, shown));
    }

    Task<RegistrationResult> IRegistrationGrain.AddContactAsync(string actor, ContactInput contact, long? ifMatch, string? requestKey) =>
        WriteAsync(actor, ifMatch, (rules, role) => rules.AddContact(actor, role, contact, requestKey), requestKey);

    Task<RegistrationResult> IRegistrationGrain.UpdateContactAsync(string actor, string contactId, ContactInput contact, long? ifMatch) =>
        WriteAsync(actor, ifMatch, (rules, role) => rules.UpdateContact(actor, role, contactId, contact));

    Task<RegistrationResult> IRegistrationGrain.DeleteContactAsync(string actor, string contactId, long? ifMatch) =>
        WriteAsync(actor, ifMatch, (rules, role) => rules.DeleteContact(actor, role, contactId));

    async Task<RegistrationResult> IRegistrationGrain.RegisterAsync(string actor, string program, long? ifMatch)
    {
        var shown = await ShownAsync();
        var id = await FreshIdAsync();
        return await WriteAsync(actor, ifMatch, (rules, role) => rules.Register(actor, role, program, shown, id));
    }

    Task<RegistrationResult> IRegistrationGrain.CancelAsync(string actor, string program, bool confirm, long? ifMatch) =>
        WriteAsync(actor, ifMatch, (rules, role) => rules.Cancel(actor, role, program, confirm));

    async Task<HistoryEntry[]?> IRegistrationGrain.HistoryAsync(string actor) =>
        (await RulesAsync(Record)).MayRead(await Organization.RoleOfAsync(actor)) is null ? Enumerable.Reverse(Record.History).ToArray() : null;

    async Task<bool> IRegistrationGrain.AutoRegisterAsync(string operatorId, string[] programs, string reason)
    {
        await GrainFactory.RequireOperatorAsync(operatorId);
        var id = await FreshIdAsync();
        var priorYear = await GrainFactory.Reference<IRegistrationGrain>(GrainKeys.Registration(Key.Year - 1, Key.OrgType, Key.OrgId)).SummaryAsync();
        var shown = await ShownAsync();
        return await CommitAsync((await RulesAsync(Draft())).Decide(rules =>
        {
            rules.AutoRegister(operatorId, programs, reason, shown, id, priorYear);
            return null;
        }));
    }

    async Task<bool> IRegistrationGrain.RecordSamplingAsync(string operatorId, int webInterfaceAssignedPatients, bool cahpsSampleMet)
    {
        await GrainFactory.RequireOperatorAsync(operatorId);
        return await CommitAsync((await RulesAsync(Draft())).Decide(rules =>
        {
            rules.RecordSampling(operatorId, webInterfaceAssignedPatients, cahpsSampleMet);
            return null;
        }));
    }

    Task<RegistrationView> IRegistrationGrain.SummaryAsync() => ViewAsync();

    /// <summary>Asks the organization grain (R-1's authority) for the actor's role, lets the core decide over a draft, and commits what it decided.</summary>
    private async Task<RegistrationResult> WriteAsync(string actor, long? ifMatch, Func<Registration, string, Refusal?> command, string? requestKey = null)
    {
        var role = await Organization.RoleOfAsync(actor);
        var rules = await RulesAsync(Draft());
        var decision = rules.Decide(role, ifMatch, command, requestKey);
        if (decision.Refusal is { } refusal)
        {
            return new RegistrationResult(refusal);
        }

        await CommitAsync(decision);
        return new RegistrationResult(null, await ViewAsync(), rules.CreatedContactId);
    }

    /// <summary>Writes the state the core decided, if it changed anything: true when it did.</summary>
    private async Task<bool> CommitAsync(Decision<RegistrationState> decision)
    {
        if (decision.State is not { } next)
        {
            return false;
        }

        await CommitAsync(next, decision.Events);
        if (next.RegistrationId == freshId)
        {
            freshId = null;
        }

        return true;
    }

    /// <summary>
    /// A record without a registration id holds a fresh one from the allocator, for the core to
    /// take if it registers; kept for the next command if it does not.
    /// </summary>
    private async Task<string?> FreshIdAsync() =>
        Record.RegistrationId is null ? freshId ??= await GrainFactory.Reference<IRegistrationIdAllocatorGrain>(GrainKeys.RegistrationIds).NextAsync() : null;

    /// <summary>Every change to the record raises its version (its ETag), so the version says when the view is stale.</summary>
    private async Task<RegistrationView> ViewAsync()
    {
        if (view is null || view.Version != Record.Version)
        {
            view = (await RulesAsync(Record)).View(await ShownAsync());
        }

        return view;
    }

    private async Task<Registration> RulesAsync(RegistrationState over)
    {
        var (year, orgType, orgId) = Key;
        var shown = await ShownAsync();
        return new Registration(over, new OrganizationRef(orgType, orgId, over.Organization?.Name ?? shown.Name), year,
            options.CurrentValue.For(year), clock.GetUtcNow(), options.CurrentValue.MaxContacts, permissions);
    }

    /// <summary>R-5, R-6: until saved, the record shows the directory's name and address.</summary>
    private async Task<OrganizationInfo> ShownAsync()
    {
        if (Record.Organization is { } saved)
        {
            return saved;
        }

        if (shownFromDirectory is null)
        {
            var entry = await directory.FindAsync(Key.OrgType, Key.OrgId);
            shownFromDirectory = new OrganizationInfo(entry?.Name ?? Key.OrgId, entry?.Address1, entry?.Address2, entry?.City, entry?.State, entry?.Zip);
        }

        return shownFromDirectory;
    }

}
