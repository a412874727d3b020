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

    async Task<RegistrationResult> IRegistrationGrain.GetAsync(string actor) => await ReaderRoleAsync(actor) switch
    {
        RegistrationError.None => new RegistrationResult(RegistrationError.None, await ViewAsync()),
        var error => new RegistrationResult(error),
    };

    Task<RegistrationResult> IRegistrationGrain.SetSizeAsync(string actor, string size, bool confirm, long? ifMatch) =>
        WriteAsync(actor, ifMatch, async (rules, role) => (rules.SetSize(actor, role, size, confirm), null));

    Task<RegistrationResult> IRegistrationGrain.SetOrganizationAsync(string actor, OrganizationInfo organization, long? ifMatch) =>
        WriteAsync(actor, ifMatch, async (rules, role) => (rules.SetOrganization(actor, role, organization, await ShownAsync()), null));

    Task<RegistrationResult> IRegistrationGrain.AddContactAsync(string actor, ContactInput contact, long? ifMatch, string? requestKey)
    {
        // A repeat is answered before If-Match is compared: the first request changed the version.
        if (requestKey is not null && Record.ContactRequests.Find(r => r.Key == requestKey) is { } done)
        {
            return WriteAsync(actor, null, async (_, _) => (RegistrationError.None, done.ContactId));
        }

        return WriteAsync(actor, ifMatch, async (rules, role) =>
        {
            var (error, created) = rules.AddContact(actor, role, contact);
            if (error == RegistrationError.None && requestKey is not null && created is not null)
            {
                // Stored by the same write as the contact.
                Record.ContactRequests.Add(new ContactRequest(requestKey, created));
                if (Record.ContactRequests.Count > RegistrationState.RememberedContactRequests)
                {
                    Record.ContactRequests.RemoveAt(0);
                }
            }

            return (error, created);
        });
    }

    Task<RegistrationResult> IRegistrationGrain.UpdateContactAsync(string actor, string contactId, ContactInput contact, long? ifMatch) =>
        WriteAsync(actor, ifMatch, async (rules, role) => (rules.UpdateContact(actor, role, contactId, contact), null));

    Task<RegistrationResult> IRegistrationGrain.DeleteContactAsync(string actor, string contactId, long? ifMatch) =>
        WriteAsync(actor, ifMatch, async (rules, role) => (rules.DeleteContact(actor, role, contactId), null));

    Task<RegistrationResult> IRegistrationGrain.RegisterAsync(string actor, string program, long? ifMatch) =>
        WriteAsync(actor, ifMatch, async (rules, role) =>
        {
            var shown = await ShownAsync();
            var refusal = rules.CanRegister(program, shown);
            if (refusal != RegistrationError.None)
            {
                return (refusal, null);
            }

            var id = Record.RegistrationId ?? await NewRegistrationIdAsync();
            return (rules.Register(actor, role, program, shown, () => id), null);
        });

    Task<RegistrationResult> IRegistrationGrain.CancelAsync(string actor, string program, bool confirm, long? ifMatch) =>
        WriteAsync(actor, ifMatch, async (rules, role) => (rules.Cancel(actor, role, program, confirm), null));

    async Task<HistoryEntry[]?> IRegistrationGrain.HistoryAsync(string actor) =>
        await ReaderRoleAsync(actor) is RegistrationError.None ? Enumerable.Reverse(Record.History).ToArray() : null;

    async Task<bool> IRegistrationGrain.AutoRegisterAsync(string operatorId, string[] programs, string reason)
    {
        await GrainFactory.RequireOperatorAsync(operatorId);
        var rules = await RulesAsync();
        var id = Record.RegistrationId ?? (programs.Any(p => !rules.Status(p).Registered) ? await NewRegistrationIdAsync() : "");
        var priorYear = await GrainFactory.Reference<IRegistrationGrain>(GrainKeys.Registration(Key.Year - 1, Key.OrgType, Key.OrgId)).SummaryAsync();
        var changed = rules.AutoRegister(operatorId, programs, reason, await ShownAsync(), () => id, priorYear);
        if (changed)
        {
            await CommitAsync(rules.Events);
        }

        return changed;
    }

    async Task<bool> IRegistrationGrain.RecordSamplingAsync(string operatorId, int webInterfaceAssignedPatients, bool cahpsSampleMet)
    {
        await GrainFactory.RequireOperatorAsync(operatorId);
        var rules = await RulesAsync();
        var changed = rules.RecordSampling(operatorId, webInterfaceAssignedPatients, cahpsSampleMet);
        if (changed)
        {
            await CommitAsync(rules.Events);
        }

        return changed;
    }

    Task<RegistrationView> IRegistrationGrain.SummaryAsync() => ViewAsync();

    /// <summary>R-1, A-20: anyone connected whose role the table gives view-registration reads; others connected are refused (403), strangers learn nothing (404).</summary>
    private async Task<RegistrationError> ReaderRoleAsync(string actor) => await Organization.RoleOfAsync(actor) switch
    {
        null => RegistrationError.NotFound,
        var role when permissions.Allows(Key.OrgType, role, Permissions.ViewRegistration) => RegistrationError.None,
        _ => RegistrationError.NotSecurityOfficial,
    };

    /// <summary>R-1: only a Security Official writes; a connected user is refused (403), anyone else learns nothing (404).</summary>
    private async Task<RegistrationResult> WriteAsync(string actor, long? ifMatch, Func<Registration, string, Task<(RegistrationError Error, string? CreatedId)>> command)
    {
        var role = await Organization.RoleOfAsync(actor);
        if (role is null)
        {
            return new RegistrationResult(RegistrationError.NotFound);
        }

        // the table gives manage-registration to the Security Official.
        if (!permissions.Allows(Key.OrgType, role, Permissions.ManageRegistration))
        {
            return new RegistrationResult(RegistrationError.NotSecurityOfficial);
        }

        if (ifMatch is { } expected && expected != Record.Version)
        {
            return new RegistrationResult(RegistrationError.VersionMismatch);
        }

        var rules = await RulesAsync();
        var version = Record.Version;
        var (error, created) = await command(rules, role);
        if (error == RegistrationError.None && Record.Version != version)
        {
            await CommitAsync(rules.Events);
        }

        return new RegistrationResult(error, error == RegistrationError.None ? await ViewAsync() : null, created);
    }

    /// <summary>Every change to the record raises its version (its ETag), so the version says when the view is stale.</summary>
    private async Task<RegistrationView> ViewAsync()
    {
        if (view is null || view.Version != Record.Version)
        {
            view = (await RulesAsync()).View(await ShownAsync());
        }

        return view;
    }

    private async Task<Registration> RulesAsync()
    {
        var (year, orgType, orgId) = Key;
        var shown = await ShownAsync();
        return new Registration(Record, new OrganizationRef(orgType, orgId, Record.Organization?.Name ?? shown.Name), year, options.CurrentValue.For(year), clock.GetUtcNow(), options.CurrentValue.MaxContacts);
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

    private Task<string> NewRegistrationIdAsync() => GrainFactory.Reference<IRegistrationIdAllocatorGrain>(GrainKeys.RegistrationIds).NextAsync();
}
