using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Abstractions.Registration;

namespace QppOrleans.Grains.Registration;

/// <summary>
/// The rules of one registration (R-2 … R-14) over its state. A command checks the window and
/// the rule, changes the state, records history and returns the events for the contacts; a rule
/// that spans two fields (a size change that cancels the Web Interface, the last contact) is
/// decided here in one change. Plain C#, tested without Orleans.
/// </summary>
public sealed class Registration(RegistrationState state, OrganizationRef organization, int performanceYear, RegistrationWindow? window, DateTimeOffset now, int maxContacts = 10)
{
    public const string SizeChangeWarning =
        "You have chosen a new group size that doesn't qualify you to participate in CMS Web Interface. By accepting the new group size, your CMS Web Interface registration will be deleted. Are you sure you want to change your group size?";

    public List<DomainEvent> Events { get; } = [];

    public bool IsOpen => window?.IsOpen(now) == true;

    public ProgramStatus Status(string program) => program == Programs.WebInterface ? state.WebInterface : state.Cahps;

    /// <summary>R-3, R-4: a size that drops below 25 cancels the Web Interface only when confirmed, in the same change.</summary>
    public RegistrationError SetSize(string actor, string role, string size, bool confirm)
    {
        if (!IsOpen)
        {
            return RegistrationError.Closed;
        }

        if (size == state.Size)
        {
            return RegistrationError.None;
        }

        var cancelsWebInterface = state.WebInterface.Registered && !Sizes.Qualifies(size, Programs.WebInterface);
        if (cancelsWebInterface && !confirm)
        {
            return RegistrationError.ConfirmationRequired;
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
        return RegistrationError.None;
    }

    /// <summary>R-5: name and address are edited; the ids never change (they are not part of the record).</summary>
    public RegistrationError SetOrganization(string actor, string role, OrganizationInfo info, OrganizationInfo shown)
    {
        if (!IsOpen)
        {
            return RegistrationError.Closed;
        }

        if (info == shown && state.Organization is not null)
        {
            return RegistrationError.None;
        }

        state.Organization = info;
        Record(actor, role, "organization-changed", $"{Describe(shown)} → {Describe(info)}");
        Modified(actor);
        return RegistrationError.None;
    }

    public (RegistrationError, string?) AddContact(string actor, string role, ContactInput input)
    {
        if (!IsOpen)
        {
            return (RegistrationError.Closed, null);
        }

        // Each contact is mailed on every change (R-9): one account must not be able to add a mailing list.
        if (state.Contacts.Count >= maxContacts)
        {
            return (RegistrationError.TooManyContacts, null);
        }

        var contact = new Contact($"c{state.NextContact++}", input.FirstName, input.LastName, input.Email, input.Phone, input.Extension);
        state.Contacts.Add(contact);
        Record(actor, role, "contact-added", Describe(contact));
        Modified(actor);
        return (RegistrationError.None, contact.ContactId);
    }

    public RegistrationError UpdateContact(string actor, string role, string contactId, ContactInput input)
    {
        if (!IsOpen)
        {
            return RegistrationError.Closed;
        }

        var index = state.Contacts.FindIndex(c => c.ContactId == contactId);
        if (index < 0)
        {
            return RegistrationError.NoSuchContact;
        }

        var before = state.Contacts[index];
        var after = new Contact(contactId, input.FirstName, input.LastName, input.Email, input.Phone, input.Extension);
        if (after == before)
        {
            return RegistrationError.None;
        }

        state.Contacts[index] = after;
        Record(actor, role, "contact-changed", $"{Describe(before)} → {Describe(after)}");
        Modified(actor);
        return RegistrationError.None;
    }

    /// <summary>R-6: the last contact cannot be deleted; it must be edited instead.</summary>
    public RegistrationError DeleteContact(string actor, string role, string contactId)
    {
        if (!IsOpen)
        {
            return RegistrationError.Closed;
        }

        var contact = state.Contacts.Find(c => c.ContactId == contactId);
        if (contact is null)
        {
            return RegistrationError.NoSuchContact;
        }

        if (state.Contacts.Count == 1)
        {
            return RegistrationError.LastContact;
        }

        // The person deleted still hears of it (R-9: every contact of the change).
        Modified(actor);
        state.Contacts.Remove(contact);
        Record(actor, role, "contact-deleted", Describe(contact));
        return RegistrationError.None;
    }

    /// <summary>R-2, R-3, R-5, R-6, R-15: whether a program can be registered now.</summary>
    public RegistrationError CanRegister(string program, OrganizationInfo shown)
    {
        if (!IsOpen)
        {
            return RegistrationError.Closed;
        }

        if (window?.Programs.Contains(program) != true)
        {
            return RegistrationError.ProgramNotOffered;
        }

        if (Status(program).Registered)
        {
            return RegistrationError.AlreadyRegistered;
        }

        if (!Sizes.Qualifies(state.Size, program))
        {
            return RegistrationError.SizeIneligible;
        }

        return !shown.IsComplete || state.Contacts.Count == 0 ? RegistrationError.Incomplete : RegistrationError.None;
    }

    /// <summary>R-7: register a program; the registration id is given the first time only.</summary>
    public RegistrationError Register(string actor, string role, string program, OrganizationInfo shown, Func<string> newRegistrationId)
    {
        var refusal = CanRegister(program, shown);
        if (refusal != RegistrationError.None)
        {
            return refusal;
        }

        state.Organization ??= shown;
        state.RegistrationId ??= newRegistrationId();
        SetStatus(program, new ProgramStatus(true, now));
        Record(actor, role, "registered", $"{ProgramName(program)}, registration ID {state.RegistrationId}");
        Announce(program, RegistrationChange.Submitted, actor);
        return RegistrationError.None;
    }

    /// <summary>R-8: cancel with confirmation; the organization may register again (same id).</summary>
    public RegistrationError Cancel(string actor, string role, string program, bool confirm)
    {
        if (!IsOpen)
        {
            return RegistrationError.Closed;
        }

        if (!Status(program).Registered)
        {
            return RegistrationError.NotRegistered;
        }

        if (!confirm)
        {
            return RegistrationError.ConfirmationRequired;
        }

        SetStatus(program, new ProgramStatus(false));
        Record(actor, role, "cancelled", $"{ProgramName(program)}, registration ID {state.RegistrationId}");
        Announce(program, RegistrationChange.Cancelled, actor);
        return RegistrationError.None;
    }

    /// <summary>R-10: operators register prior-year Web Interface groups and SSP ACOs; not bound to the window.</summary>
    /// <summary>
    /// R-10: registers the programs not yet registered. A record that holds nothing yet starts from
    /// the organization's prior-year registration, when it had one (size, organization information
    /// and contacts; registration guide, Section V), which the Security Official then corrects.
    /// </summary>
    public bool AutoRegister(string operatorId, IEnumerable<string> programs, string reason, OrganizationInfo shown, Func<string> newRegistrationId, RegistrationView? priorYear = null)
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
            state.RegistrationId ??= newRegistrationId();
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
