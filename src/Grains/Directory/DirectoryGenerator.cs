using System.Globalization;
using System.Text.Json;
using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Grains.Directory;

/// <summary>
/// Writes a realistic synthetic directory as import NDJSON: practices with believable names and
/// addresses, unique TINs, clinicians with unique Luhn-valid NPIs and PTANs, plus APM entities of
/// every model, registries and virtual groups built from those practices. The same seed and size
/// give the same file, so re-importing it changes nothing. The seed's "Better Business Health"
/// (TIN 000765630) comes first.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Synthetic test data: a seeded Random makes the same directory every time; nothing secret is drawn.")]
public sealed class DirectoryGenerator(int practices, int cliniciansPerPractice = 5, int seed = 2021)
{
    public const string BetterBusinessHealthTin = "000765630";

    private static readonly string[] Places =
    [
        "Riverside", "Lakeview", "Greenville", "Maple", "Oak Ridge", "Harbor", "Summit", "Cedar", "Pinecrest", "Brookside",
        "Hillcrest", "Fairview", "Northgate", "Westfield", "Sunrise", "Bayside", "Meadowbrook", "Stonebridge", "Clearwater", "Highland",
        "Springfield", "Franklin", "Georgetown", "Madison", "Arlington", "Ashland", "Bristol", "Clinton", "Dayton", "Fulton",
    ];

    private static readonly string[] Specialties =
    [
        "Family Medicine", "Internal Medicine", "Pediatrics", "Cardiology", "Orthopedics", "Dermatology", "Oncology",
        "Neurology", "Women's Health", "Primary Care", "Kidney Care", "Behavioral Health", "Eye Care", "Surgical", "Rheumatology",
    ];

    private static readonly string[] Kinds = ["Associates", "Group", "Clinic", "Partners", "Physicians", "Medical Center", "Health", "Specialists", "Care"];

    private static readonly string[] Suffixes = ["LLC", "PC", "PA", "Inc", "PLLC", ""];

    private static readonly string[] FirstNames =
    [
        "Ann", "James", "Maria", "Robert", "Linda", "Michael", "Patricia", "David", "Jennifer", "William", "Elizabeth", "Joseph",
        "Susan", "Thomas", "Jessica", "Charles", "Sarah", "Daniel", "Karen", "Matthew", "Nancy", "Anthony", "Lisa", "Mark",
    ];

    private static readonly string[] LastNames =
    [
        "Lee", "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
        "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Perez", "Thompson", "White",
    ];

    private static readonly (string City, string State, string Zip)[] Cities =
    [
        ("Baltimore", "MD", "212"), ("Richmond", "VA", "232"), ("Columbus", "OH", "432"), ("Austin", "TX", "787"), ("Denver", "CO", "802"),
        ("Portland", "OR", "972"), ("Nashville", "TN", "372"), ("Madison", "WI", "537"), ("Raleigh", "NC", "276"), ("Phoenix", "AZ", "850"),
        ("Boise", "ID", "837"), ("Albany", "NY", "122"), ("Burlington", "VT", "054"), ("Omaha", "NE", "681"), ("Tampa", "FL", "336"),
    ];

    private static readonly string[] Streets = ["Main St", "Oak Ave", "Health Way", "Park Blvd", "Elm St", "Medical Dr", "Center Rd", "Lake St"];

    public int Practices => practices;

    /// <summary>Lines written so far: one per organization.</summary>
    public long Written { get; private set; }

    public static string TinOf(int practice) =>
        practice == 0 ? BetterBusinessHealthTin : (100_000_000 + ((long)practice * 7_919 % 899_999_999)).ToString("D9", CultureInfo.InvariantCulture);

    /// <summary>The NPI of a practice's clinician: first nine digits from a counter, then the Luhn check digit.</summary>
    public string NpiOf(int practice, int clinician)
    {
        var firstNine = (100_000_000 + ((long)practice * cliniciansPerPractice) + clinician).ToString(CultureInfo.InvariantCulture);
        return firstNine + Npi.CheckDigit(firstNine).ToString(CultureInfo.InvariantCulture);
    }

    public static string PtanOf(int practice, int clinician) =>
        $"{(char)('A' + (practice % 26))}{(char)('A' + (clinician % 26))}{((long)practice * 31 + clinician) % 10_000_000:D7}";

    public async Task WriteAsync(TextWriter output, CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        for (var p = 0; p < practices; p++)
        {
            var (city, state, zip) = Cities[random.Next(Cities.Length)];
            var name = p == 0
                ? "Better Business Health"
                : $"{Pick(random, Places)} {Pick(random, Specialties)} {Pick(random, Kinds)} {Pick(random, Suffixes)}".TrimEnd();
            await WriteLineAsync(output, new
            {
                kind = "practice",
                tin = TinOf(p),
                name,
                address1 = p == 0 ? "123 Better Health Way" : $"{random.Next(1, 9999)} {Pick(random, Streets)}",
                city = p == 0 ? "Baltimore" : city,
                state = p == 0 ? "MD" : state,
                zip = p == 0 ? "21239" : $"{zip}{random.Next(0, 100):D2}",
                clinicians = Enumerable.Range(0, cliniciansPerPractice).Select(c => new
                {
                    npi = NpiOf(p, c),
                    ptan = PtanOf(p, c),
                    firstName = Pick(random, FirstNames),
                    lastName = Pick(random, LastNames),
                }),
            }, cancellationToken);
        }

        var entities = Math.Max(1, practices / 100);
        for (var e = 0; e < entities * ApmModels.All.Count; e++)
        {
            var model = ApmModels.All[e % ApmModels.All.Count];
            var first = (e * 13) % practices;
            var second = (first + 1) % practices;
            await WriteLineAsync(output, new
            {
                kind = "apm-entity",
                apmModel = model.Id,
                entityId = $"{model.Id.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant()}{e:D6}",
                name = $"{Pick(random, Places)} {model.Name.Split(' ')[0]} Entity {e}",
                participants = model.Validation == ApmModel.TwoTins
                    ? new object[] { new { tin = TinOf(first) }, new { tin = TinOf(second) } }
                    : [new { tin = TinOf(first), npi = NpiOf(first, 0) }],
            }, cancellationToken);
        }

        for (var r = 0; r < Math.Max(1, practices / 1000); r++)
        {
            await WriteLineAsync(output, new
            {
                kind = "registry",
                vendorId = $"{r % 100:D2}-{r:D4}",
                tin = TinOf(practices - 1 - r),
                name = $"{Pick(random, Places)} Quality Registry {r}",
                city = "Baltimore",
                state = "MD",
            }, cancellationToken);
        }

        for (var v = 0; v < Math.Max(1, practices / 500); v++)
        {
            await WriteLineAsync(output, new
            {
                kind = "virtual-group",
                vgId = $"VG-{v:D6}",
                name = $"{Pick(random, Places)} Virtual Group {v}",
                tins = new[] { TinOf((v * 2) % practices), TinOf(((v * 2) + 1) % Math.Max(2, practices)) },
            }, cancellationToken);
        }
    }

    private async Task WriteLineAsync(TextWriter output, object record, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(JsonSerializer.Serialize(record).AsMemory(), cancellationToken);
        Written++;
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];
}
