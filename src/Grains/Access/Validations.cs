using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Directory;
using static QppOrleans.Grains.Abstractions.Access.AccessMessages;

namespace QppOrleans.Grains.Access;

/// <summary>
/// whether what a first Security Official (or a clinician) gave matches the
/// directory. Null means valid; otherwise the seed's message for the first thing wrong, and
/// whether it was an attempt: a missing field, a malformed TIN or the wrong number of TINs is
/// answered without being checked against the directory, and does not count.
/// </summary>
public static class Validations
{
    public static Verdict? FirstSecurityOfficial(string orgType, DirectoryEntry? entry, Validation? given) => orgType switch
    {
        OrgTypes.Practice => Practice(entry, given),
        OrgTypes.Registry => Registry(entry, given),
        OrgTypes.VirtualGroup => VirtualGroup(entry, given),
        OrgTypes.ApmEntity => ApmEntity(entry, given),
        _ => Checked(NotVerified),
    };

    private static Verdict Form(Refusal refusal) => new(refusal, IsAttempt: false);

    private static Verdict Checked(Refusal refusal) => new(refusal, IsAttempt: true);

    /// <summary>A-29: the NPI is the clinician's own and the directory lists it with that PTAN under some practice.</summary>
    public static Verdict? Clinician(string npi, Validation? given, IReadOnlyCollection<Clinician> listed)
    {
        if (string.IsNullOrWhiteSpace(given?.Npi) || string.IsNullOrWhiteSpace(given.Ptan))
        {
            return Form(MissingInformation);
        }

        return given.Npi == npi && Ptan.TryParse(given.Ptan, out var ptan, out _) && listed.Any(c => c.Npi == npi && c.Ptan == ptan.Value)
            ? null
            : Checked(TinPtanMismatch);
    }

    private static Verdict? Practice(DirectoryEntry? entry, Validation? given)
    {
        if (given?.Tins is { Length: > 1 })
        {
            return Form(SingleTinRequired);
        }

        var tin = given?.Tin ?? given?.Tins?.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(tin))
        {
            return Form(MissingInformation);
        }

        if (!Tin.TryParse(tin, out _, out _))
        {
            return Form(InvalidTinFormat);
        }

        if (string.IsNullOrWhiteSpace(given!.Npi) || string.IsNullOrWhiteSpace(given.Ptan))
        {
            return Form(MissingInformation);
        }

        var ptan = Ptan.TryParse(given.Ptan, out var parsed, out _) ? parsed.Value : given.Ptan;
        return entry is not null && entry.OrgId == tin && entry.Clinicians.Any(c => c.Npi == given.Npi && c.Ptan == ptan)
            ? null
            : Checked(TinPtanMismatch);
    }

    private static Verdict? Registry(DirectoryEntry? entry, Validation? given)
    {
        if (string.IsNullOrWhiteSpace(given?.VendorId) || string.IsNullOrWhiteSpace(given.Tin))
        {
            return Form(MissingInformation);
        }

        if (!Tin.TryParse(given.Tin, out _, out _))
        {
            return Form(InvalidTinFormat);
        }

        return entry is not null && string.Equals(entry.OrgId, given.VendorId.Trim(), StringComparison.OrdinalIgnoreCase) && entry.Tins.Contains(given.Tin)
            ? null
            : Checked(NotVerified);
    }

    private static Verdict? VirtualGroup(DirectoryEntry? entry, Validation? given)
    {
        var tins = Tins(given);
        if (tins.Length < 2)
        {
            return Form(TwoTinsRequired);
        }

        if (!tins.All(t => Tin.TryParse(t, out _, out _)))
        {
            return Form(InvalidTinFormat);
        }

        if (entry is null)
        {
            return Checked(VirtualGroupNotFound);
        }

        return tins.Distinct().Count() >= 2 && tins.All(entry.Tins.Contains) ? null : Checked(VirtualGroupNotVerified);
    }

    private static Verdict? ApmEntity(DirectoryEntry? entry, Validation? given)
    {
        var model = ApmModels.Find(entry?.ApmModel);
        if (entry is null || model is null)
        {
            return Checked(NotVerified);
        }

        if (model.Validation == ApmModel.TinNpi)
        {
            var tin = given?.Tin ?? given?.Tins?.FirstOrDefault();
            if (string.IsNullOrWhiteSpace(tin) || string.IsNullOrWhiteSpace(given!.Npi))
            {
                return Form(MissingInformation);
            }

            if (!Tin.TryParse(tin, out _, out _))
            {
                return Form(InvalidTinFormat);
            }

            // The seed gives "all required information" for an NPI that does not go with the TIN:
            // checked against the directory, so an attempt.
            return entry.Participants.Any(p => p.Tin == tin && p.Npi == given.Npi) ? null : Checked(MissingInformation);
        }

        var tins = Tins(given);
        var participants = entry.Participants.Select(p => p.Tin).Distinct().ToArray();
        var required = ApmModels.TinsRequired(entry)!.Value;
        if (tins.Length == 0 || tins.Length != required)
        {
            // A single-TIN entity takes exactly one TIN, a multi-TIN entity two (seed, Appendix C).
            return Form(MissingInformation);
        }

        if (!tins.All(t => Tin.TryParse(t, out _, out _)))
        {
            return Form(InvalidTinFormat);
        }

        return tins.Distinct().Count() == required && tins.All(participants.Contains) ? null : Checked(NotVerified);
    }

    private static string[] Tins(Validation? given) =>
        [.. (given?.Tins ?? []).Concat(given?.Tin is { } tin ? [tin] : []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim())];
}
