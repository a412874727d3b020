using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Access;

namespace QppOrleans.Tests.Access;

/// <summary>A-14, A-22, A-25, A-29: every row of the seed's error table (Appendix C), word for word.</summary>
public sealed class ValidationsTests
{
    private static readonly DirectoryEntry Practice = new()
    {
        OrgType = OrgTypes.Practice, OrgId = "000765630", Name = "Better Business Health",
        Clinicians = [new Clinician("1234567893", "AB1234", "Ann", "Lee")],
    };

    private static readonly DirectoryEntry Registry = new() { OrgType = OrgTypes.Registry, OrgId = "45-2343", Name = "R", Tins = ["111111111"] };

    private static readonly DirectoryEntry VirtualGroup = new() { OrgType = OrgTypes.VirtualGroup, OrgId = "VG-000123", Name = "V", Tins = ["111111111", "222222222"] };

    private static DirectoryEntry Apm(string model, params Participant[] participants) =>
        new() { OrgType = OrgTypes.ApmEntity, OrgId = "E1", Name = "E", ApmModel = model, Participants = participants };

    public static TheoryData<string, DirectoryEntry?, Validation?, string?> Rows() => new()
    {
        { "practice valid", Practice, new Validation(Tin: "000765630", Npi: "1234567893", Ptan: "ab1234"), null },
        { "practice: missing TIN", Practice, new Validation(Npi: "1234567893", Ptan: "AB1234"), "You must provide all required information to complete this request." },
        { "practice: badly formatted TIN", Practice, new Validation(Tin: "00-0765630", Npi: "1234567893", Ptan: "AB1234"), "One or more of the provided TINs is improperly formatted." },
        { "practice: more than one TIN", Practice, new Validation(Tins: ["000765630", "111111111"], Npi: "1234567893", Ptan: "AB1234"), "This requires a single valid TIN. Only one TIN may be provided at a time." },
        { "practice: missing PTAN", Practice, new Validation(Tin: "000765630", Npi: "1234567893"), "You must provide all required information to complete this request." },
        { "practice: missing NPI", Practice, new Validation(Tin: "000765630", Ptan: "AB1234"), "You must provide all required information to complete this request." },
        { "practice: wrong PTAN", Practice, new Validation(Tin: "000765630", Npi: "1234567893", Ptan: "ZZ9999"), "We could not validate the TIN/PTAN provided." },
        { "practice: not in the directory", null, new Validation(Tin: "000765630", Npi: "1234567893", Ptan: "AB1234"), "We could not validate the TIN/PTAN provided." },
        { "registry valid", Registry, new Validation(Tin: "111111111", VendorId: "45-2343"), null },
        { "registry: missing CMS ID", Registry, new Validation(Tin: "111111111"), "You must provide all required information to complete this request." },
        { "registry: CMS ID does not match", Registry, new Validation(Tin: "111111111", VendorId: "45-9999"), "We could not verify the information you provided. Please try again." },
        { "registry: TIN does not match", Registry, new Validation(Tin: "999999999", VendorId: "45-2343"), "We could not verify the information you provided. Please try again." },
        { "virtual group valid", VirtualGroup, new Validation(Tins: ["111111111", "222222222"]), null },
        { "virtual group: fewer than two TINs", VirtualGroup, new Validation(Tins: ["111111111"]), "This request requires at least two valid TINs." },
        { "virtual group: unknown ID", null, new Validation(Tins: ["111111111", "222222222"]), "We could not locate a Virtual Group associated with the Virtual Group ID provided." },
        { "virtual group: TINs not members", VirtualGroup, new Validation(Tins: ["111111111", "333333333"]), "We could not verify the information your provided. Please try again." },
        { "virtual group: badly formatted TIN", VirtualGroup, new Validation(Tins: ["111111111", "2222"]), "One or more of the provided TINs is improperly formatted." },
        { "APM two-TIN valid", Apm("aco-reach", new Participant("111111111", null), new Participant("222222222", null)), new Validation(Tins: ["222222222", "111111111"]), null },
        { "APM multi-TIN, one TIN given", Apm("aco-reach", new Participant("111111111", null), new Participant("222222222", null)), new Validation(Tins: ["111111111"]), "You must provide all required information to complete this request." },
        { "APM single-TIN valid", Apm("md-tcoc", new Participant("111111111", null)), new Validation(Tin: "111111111"), null },
        { "APM single-TIN, two TINs given", Apm("md-tcoc", new Participant("111111111", null)), new Validation(Tins: ["111111111", "222222222"]), "You must provide all required information to complete this request." },
        { "APM TIN/NPI valid", Apm("pcf", new Participant("111111111", "1234567893")), new Validation(Tin: "111111111", Npi: "1234567893"), null },
        { "APM TIN/NPI: missing NPI", Apm("pcf", new Participant("111111111", "1234567893")), new Validation(Tin: "111111111"), "You must provide all required information to complete this request." },
        { "APM TIN/NPI: NPI not with that TIN", Apm("pcf", new Participant("111111111", "1234567893")), new Validation(Tin: "111111111", Npi: "1245319599"), "You must provide all required information to complete this request." },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A22_A25_First_Security_Official_validation_answers_with_the_seed_s_message(string row, DirectoryEntry? entry, Validation? given, string? message)
    {
        var orgType = entry?.OrgType ?? (row.StartsWith("virtual", StringComparison.Ordinal) ? OrgTypes.VirtualGroup : OrgTypes.Practice);
        Assert.Equal(message, Validations.FirstSecurityOfficial(orgType, entry, given)?.Refusal.Message);
    }

    [Theory]
    [InlineData("practice: missing TIN", false)]
    [InlineData("practice: badly formatted TIN", false)]
    [InlineData("practice: more than one TIN", false)]
    [InlineData("practice: missing PTAN", false)]
    [InlineData("practice: wrong PTAN", true)]
    [InlineData("registry: missing CMS ID", false)]
    [InlineData("registry: CMS ID does not match", true)]
    [InlineData("virtual group: fewer than two TINs", false)]
    [InlineData("virtual group: TINs not members", true)]
    public void A26_Only_a_check_against_the_directory_is_an_attempt(string row, bool attempt)
    {
        var (entry, given) = Rows().Select(r => ((string)r[0], (DirectoryEntry?)r[1], (Validation?)r[2])).Where(r => r.Item1 == row).Select(r => (r.Item2, r.Item3)).Single();
        var orgType = entry?.OrgType ?? OrgTypes.Practice;

        Assert.Equal(attempt, Validations.FirstSecurityOfficial(orgType, entry, given)!.IsAttempt);
    }

    [Fact]
    public void A29_A_clinician_proves_their_own_NPI_with_its_PTAN()
    {
        Clinician[] listed = [new("1234567893", "AB1234", "Ann", "Lee")];

        Assert.Null(Validations.Clinician("1234567893", new Validation(Npi: "1234567893", Ptan: "ab1234"), listed));
        Assert.Equal(new Verdict(AccessMessages.MissingInformation, IsAttempt: false), Validations.Clinician("1234567893", new Validation(Npi: "1234567893"), listed));
        Assert.Equal(new Verdict(AccessMessages.TinPtanMismatch, IsAttempt: true), Validations.Clinician("1234567893", new Validation(Npi: "1234567893", Ptan: "ZZ0000"), listed));
        Assert.Equal(new Verdict(AccessMessages.TinPtanMismatch, IsAttempt: true), Validations.Clinician("1245319599", new Validation(Npi: "1245319599", Ptan: "AB1234"), []));
    }

    [Fact]
    public void A20_The_permission_table_answers_from_data()
    {
        Assert.Contains(Permissions.ManageAccess, Permissions.Default.ActionsFor(OrgTypes.Practice, Roles.SecurityOfficial));
        Assert.DoesNotContain(Permissions.ManageAccess, Permissions.Default.ActionsFor(OrgTypes.Practice, Roles.StaffUser));
        Assert.True(Permissions.Default.Allows(OrgTypes.Registry, Roles.SecurityOfficial, "download-api-token"));
        Assert.False(Permissions.Default.Allows(OrgTypes.Registry, Roles.StaffUser, "download-api-token"));
        Assert.True(Permissions.Default.Allows(OrgTypes.VirtualGroup, Roles.SecurityOfficial, "register-cahps"));
        Assert.Empty(Permissions.Default.ActionsFor(OrgTypes.Practice, null));
        Assert.All(OrgTypes.All, type => Assert.Superset(
            Permissions.Default.ActionsFor(type, Roles.StaffUser).ToHashSet(), Permissions.Default.ActionsFor(type, Roles.SecurityOfficial).ToHashSet()));
    }
}
