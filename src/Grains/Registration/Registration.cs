using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Abstractions.Registration;
using QppOrleans.Grains.Access;

namespace QppOrleans.Grains.Registration;

/// <summary>
/// The rules of one registration (R-1 … R-15), the functional core of <see cref="RegistrationGrain"/>.
/// <see cref="Decide"/> runs one command over <paramref name="state"/> — a draft, a copy of the
/// stored state the grain made — and gives the new state with the events for the contacts, or a
/// <see cref="Refusal"/> with its code and message; the grain stores the new state and takes it
/// as its own only once the write succeeded. A command checks who asks (R-1, A-20), the window and
/// the rule, changes the draft and records history; a rule that spans two fields (a size change
/// that cancels the Web Interface, the last contact) is decided here in one change. Plain C#,
/// tested without Orleans.
/// </summary>
public sealed class Registration(
    RegistrationState state, OrganizationRef organization, int performanceYear, RegistrationWindow? window, DateTimeOffset now,
    int maxContacts = 10, Permissions? permissions = null)
{
    private readonly Permissions table = permissions ?? Permissions.Default;

    public List<DomainEvent> Events { get; } = [];

    /// <summary>The contact the last <see cref="AddContact"/> created, or the one an earlier request with its key created.</summary>
    public string? CreatedContactId { get; private set; }

    public bool IsOpen => window?.IsOpen(now) == true;

    /// <summary>
    /// R-1, A-20: a person whose role the table gives manage-registration (the Security Official)
    /// runs <paramref name="command"/> (with their role) against the version they read
    /// (<paramref name="ifMatch"/>, 412 when it moved on); a connected person without it is
    /// refused (403), anyone else learns nothing (404). A repeat of a keyed request
    /// (<paramref name="requestKey"/>) is answered before If-Match is compared: the first changed the version.
    /// </summary>
    public Decision<RegistrationState> Decide(string? role, long? ifMatch, Func<Registration, string, Refusal?> command, string? requestKey = null)
    {
        if (role is null)
        {
            return Refused(RegistrationMessages.NotFound);
        }

        if (!table.Allows(organization.OrgType, role, Permissions.ManageRegistration))
        {
            return Refused(RegistrationMessages.NotSecurityOfficial);
        }

        var repeat = requestKey is not null && state.ContactRequests.Exists(r => r.Key == requestKey);
        if (ifMatch is { } expected && expected != state.Version && !repeat)
        {
            return Refused(RegistrationMessages.VersionMismatch);
        }

        return Decide(rules => command(rules, role));
    }

    /// <summary>An operator's command (R-10, R-13): the caller has checked that an operator asks.</summary>
    public Decision<RegistrationState> Decide(Func<Registration, Refusal?> command)
    {
        var version = state.Version;
        return command(this) switch
        {
            { } refusal => Refused(refusal),
            null when state.Version == version => new Decision<RegistrationState>(null, []),
            null => new Decision<RegistrationState>(state, Events),
        };
    }

    private static Decision<RegistrationState> Refused(Refusal refusal) => new(null, [], refusal);

    /// <summary>R-1, A-20: anyone connected whose role the table gives view-registration reads; others connected are refused (403), strangers learn nothing (404).</summary>
    public Refusal? MayRead(string? role) => role switch
    {
        null => RegistrationMessages.NotFound,
        _ when table.Allows(organization.OrgType, role, Permissions.ViewRegistration) => null,
        _ => RegistrationMessages.NotSecurityOfficial,
    };

    public ProgramStatus Status(string program) => program == Programs.WebInterface ? state.WebInterface : state.Cahps;

    /// <summary>R-3, R-4: a size that drops below 25 cancels the Web Interface only when confirmed, in the same change.</summary>
    public Refusal? SetSize(string actor, string role, string size, bool confirm)
    {
        if (!IsOpen)
        {
            return RegistrationMessages.Closed(performanceYear);
        }

        if (size == state.Size)
        {
            return null;
        }

        var cancelsWebInterface = state.WebInterface.Registered && !Sizes.Qualifies(size, Programs.WebInterface);
        if (cancelsWebInterface && !confirm)
        {
            return RegistrationMessages.SizeChangeUnconfirmed;
        }

        var before = state.Size ?? "none";
        state.Size = size;
        Record(actor, role, "size-changed", $"size {before} → {size}");
        if (cancelsWebInterface)
        {
            state.WebInterface = new ProgramStatus(false);
            Record(actor, role, "cancelled", "CMS Web Interface registration deleted by the size change");
            Announce(Programs.WebInterface, RegistrationChange.Cancelled, actor);
        }

        Modified(actor, except: cancelsWebInterface ? Programs.WebInterface : null);
        return null;
    }

    /// <summary>R-5: name and address are edited; the ids never change (they are not part of the record).</summary>
    public Refusal? SetOrganization(string actor, string role, OrganizationInfo info, OrganizationInfo shown)
    {
        if (!IsOpen)
        {
            return RegistrationMessages.Closed(performanceYear);
        }

        if (info == shown && state.Organization is not null)
        {
            return null;
        }

        state.Organization = info;
        Record(actor, role, "organization-changed", $"{Describe(shown)} → {Describe(info)}");
        Modified(actor);
        return null;
    }

    /// <summary>
    /// R-6: adds a contact. A request that names the key of an earlier one gets that one's contact
    /// and adds nothing: the key is stored with the contact, so a retry never adds a second one.
    /// </summary>
    public Refusal? AddContact(string actor, string role, ContactInput input, string? requestKey = null)
    {
        // A repeat is answered before the window and the count: the first request changed them.
        if (requestKey is not null && state.ContactRequests.Find(r => r.Key == requestKey) is { } done)
        {
            CreatedContactId = done.ContactId;
            return null;
        }

        if (!IsOpen)
        {
            return RegistrationMessages.Closed(performanceYear);
        }

        // Each contact is mailed on every change (R-9): one account must not be able to add a mailing list.
        if (state.Contacts.Count >= maxContacts)
        {
            return RegistrationMessages.TooManyContacts;
        }

        var contact = new Contact($"c{state.NextContact++}", input.FirstName, input.LastName, input.Email, input.Phone, input.Extension);
        state.Contacts.Add(contact);
        if (requestKey is not null)
        {
            state.ContactRequests.Add(new ContactRequest(requestKey, contact.ContactId));
            if (state.ContactRequests.Count > RegistrationState.RememberedContactRequests)
            {
                state.ContactRequests.RemoveAt(0);
            }
        }

        Record(actor, role, "contact-added", Describe(contact));
        Modified(actor);
        CreatedContactId = contact.ContactId;
        return null;
    }

    public Refusal? UpdateContact(string actor, string role, string contactId, ContactInput input)
    {
        if (!IsOpen)
        {
            return RegistrationMessages.Closed(performanceYear);
        }

        var index = state.Contacts.FindIndex(c => c.ContactId == contactId);
        if (index < 0)
        {
            return RegistrationMessages.NoSuchContact;
        }

        var before = state.Contacts[index];
        var after = new Contact(contactId, input.FirstName, input.LastName, input.Email, input.Phone, input.Extension);
        if (after == before)
        {
            return null;
        }

        state.Contacts[index] = after;
        Record(actor, role, "contact-changed", $"{Describe(before)} → {Describe(after)}");
        Modified(actor);
        return null;
    }

    /// <summary>R-6: the last contact cannot be deleted; it must be edited instead.</summary>
    public Refusal? DeleteContact(string actor, string role, string contactId)
    {
        if (!IsOpen)
        {
            return RegistrationMessages.Closed(performanceYear);
        }

        var contact = state.Contacts.Find(c => c.ContactId == contactId);
        if (contact is null)
        {
            return RegistrationMessages.NoSuchContact;
        }

        if (state.Contacts.Count == 1)
        {
            return RegistrationMessages.LastContact;
        }

        // The person deleted still hears of it (R-9: every contact of the change).
        Modified(actor);
        state.Contacts.Remove(contact);
        Record(actor, role, "contact-deleted", Describe(contact));
        return null;
    }

    /// <summary>R-2, R-3, R-5, R-6, R-15: whether a program can be registered now.</summary>
    private Refusal? CanRegister(string program, OrganizationInfo shown)
    {
        if (!IsOpen)
        {
            return RegistrationMessages.Closed(performanceYear);
        }

        if (window?.Programs.Contains(program) != true)
        {
            return RegistrationMessages.ProgramNotOffered(performanceYear);
        }

        if (Status(program).Registered)
        {
            return RegistrationMessages.AlreadyRegistered;
        }

        if (!Sizes.Qualifies(state.Size, program))
        {
            return RegistrationMessages.SizeIneligible;
        }

        return !shown.IsComplete || state.Contacts.Count == 0 ? RegistrationMessages.Incomplete : null;
    }

    /// <summary>
    /// R-7: register a program. The record takes <paramref name="newRegistrationId"/> (a fresh id
    /// the grain holds for a record without one) the first time only, and only when registering.
    /// </summary>
    public Refusal? Register(string actor, string role, string program, OrganizationInfo shown, string? newRegistrationId)
    {
        var refusal = CanRegister(program, shown);
        if (refusal is not null)
        {
            return refusal;
        }

        state.Organization ??= shown;
        state.RegistrationId ??= newRegistrationId ?? throw new InvalidOperationException("A record without a registration id is registered with a fresh one.");
        SetStatus(program, new ProgramStatus(true, now));
        Record(actor, role, "registered", $"{ProgramName(program)}, registration ID {state.RegistrationId}");
        Announce(program, RegistrationChange.Submitted, actor);
        return null;
    }

    /// <summary>R-8: cancel with confirmation; the organization may register again (same id).</summary>
    public Refusal? Cancel(string actor, string role, string program, bool confirm)
    {
        if (!IsOpen)
        {
            return RegistrationMessages.Closed(performanceYear);
        }

        if (!Status(program).Registered)
        {
            return RegistrationMessages.NotRegistered;
        }

        if (!confirm)
        {
            return RegistrationMessages.CancellationUnconfirmed;
        }

        SetStatus(program, new ProgramStatus(false));
        Record(actor, role, "cancelled", $"{ProgramName(program)}, registration ID {state.RegistrationId}");
        Announce(program, RegistrationChange.Cancelled, actor);
        return null;
    }

    /// <summary>
    /// R-10: registers the programs not yet registered. A record that holds nothing yet starts from
    /// the organization's prior-year registration, when it had one (size, organization information
    /// and contacts; registration guide, Section V), which the Security Official then corrects.
    /// </summary>
    public bool AutoRegister(string operatorId, IEnumerable<string> programs, string reason, OrganizationInfo shown, string? newRegistrationId, RegistrationView? priorYear = null)
    {
        var changed = false;
        if (priorYear is { RegistrationId: not null } prior && state.Size is null && state.Organization is null && state.Contacts.Count == 0
            && programs.Any(p => !Status(p).Registered))
        {
            state.Size = prior.Size;
            state.Organization = prior.Organization;
            foreach (var contact in prior.Contacts.Take(maxContacts))
            {
                state.Contacts.Add(contact with { ContactId = $"c{state.NextContact++}" });
            }

            Record(operatorId, "operator", "carried-over", $"size, organization information and {state.Contacts.Count} contacts from the {prior.PerformanceYear} registration {prior.RegistrationId}");
        }

        foreach (var program in programs.Where(p => !Status(p).Registered))
        {
            state.Organization ??= shown;
            state.RegistrationId ??= newRegistrationId ?? throw new InvalidOperationException("A record without a registration id is registered with a fresh one.");
            SetStatus(program, new ProgramStatus(true, now, Auto: true));
            Record(operatorId, "operator", "registered-automatically", $"{ProgramName(program)} ({reason}), registration ID {state.RegistrationId}");
            Announce(program, RegistrationChange.Submitted, operatorId);
            changed = true;
        }

        return changed;
    }

    /// <summary>R-13: results that rule a registered program out flag it, and the contacts are told.</summary>
    public bool RecordSampling(string operatorId, int webInterfaceAssignedPatients, bool cahpsSampleMet)
    {
        var sampling = new Sampling(webInterfaceAssignedPatients, cahpsSampleMet,
            WebInterfaceFlagged: state.WebInterface.Registered && webInterfaceAssignedPatients == 0,
            CahpsFlagged: state.Cahps.Registered && !cahpsSampleMet);
        if (sampling == state.Sampling)
        {
            return false;
        }

        state.Sampling = sampling;
        Record(operatorId, "operator", "sampling-recorded", $"{webInterfaceAssignedPatients} assigned patients; CAHPS sample met: {cahpsSampleMet}");
        state.Version++;
        Events.Add(new SamplingResultRecorded
        {
            OccurredAt = now, Actor = operatorId, Organization = organization, Notify = Contacts(), Version = state.Version,
            PerformanceYear = performanceYear, WebInterfaceAssignedPatients = webInterfaceAssignedPatients, CahpsSampleMet = cahpsSampleMet,
            WebInterfaceFlagged = sampling.WebInterfaceFlagged, CahpsFlagged = sampling.CahpsFlagged,
        });
        return true;
    }

    public RegistrationView View(OrganizationInfo shown) => new(
        organization.OrgType, organization.OrgId, performanceYear, state.RegistrationId, state.Size, state.Organization ?? shown,
        [.. state.Contacts], state.WebInterface, state.Cahps, state.Sampling, state.Version);

    private void SetStatus(string program, ProgramStatus status)
    {
        if (program == Programs.WebInterface)
        {
            state.WebInterface = status;
        }
        else
        {
            state.Cahps = status;
        }
    }

    /// <summary>R-9: a change to a registered organization's record is a modification of each registered program.</summary>
    private void Modified(string actor, string? except = null)
    {
        foreach (var program in Programs.All.Where(p => p != except && Status(p).Registered))
        {
            Announce(program, RegistrationChange.Modified, actor);
        }
    }

    private void Announce(string program, RegistrationChange change, string actor) =>
        Events.Add(new RegistrationChanged
        {
            OccurredAt = now, Actor = actor, Organization = organization, Notify = Contacts(), Version = state.Version,
            PerformanceYear = performanceYear, Program = program, Change = change, RegistrationId = state.RegistrationId ?? "",
        });

    private void Record(string actor, string role, string action, string details)
    {
        state.Version++;
        state.History.Add(new HistoryEntry(now, actor, role, action, details));
    }

    private Recipient[] Contacts() => [.. state.Contacts.Select(c => new Recipient(null, $"{c.FirstName} {c.LastName}", c.Email))];

    private static string ProgramName(string program) => program == Programs.WebInterface ? "CMS Web Interface" : "CAHPS for MIPS Survey";

    private static string Describe(Contact c) => $"{c.FirstName} {c.LastName} <{c.Email}> {c.Phone}{(c.Extension is null ? "" : " x" + c.Extension)}";

    private static string Describe(OrganizationInfo o) => $"{o.Name}, {o.Address1}{(o.Address2 is null ? "" : ", " + o.Address2)}, {o.City}, {o.State} {o.Zip}";
}
