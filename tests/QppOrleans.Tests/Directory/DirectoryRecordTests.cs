using System.Text;
using QppOrleans.Api.Directory;
using QppOrleans.Api.Imports;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Directory;

namespace QppOrleans.Tests.Directory;

/// <summary>A-11: reading import lines, the APM model list, the synthetic directory.</summary>
public sealed class DirectoryRecordTests
{
    [Theory]
    [InlineData("""{"kind":"practice","tin":"000765630","name":"BBH","clinicians":[{"npi":"1234567893","ptan":"AB1234","firstName":"Ann","lastName":"Lee"}]}""", null)]
    [InlineData("""{"kind":"practice","tin":"000765630","name":"BBH","state":"Maryland"}""", "state: a state is two capital letters")]
    [InlineData("""{"kind":"practice","tin":"000765630","name":"BBH","zip":"2123"}""", "zip: a ZIP code is 5 digits")]
    [InlineData("""{"kind":"practice","tin":"000765630"}""", "name is required")]
    [InlineData("""{"kind":"practice","tin":765630,"name":"BBH"}""", "tin must be a string")]
    [InlineData("""{"kind":"practice","tin":"000765630","name":"BBH","clinicians":[{"npi":"1234567893","ptan":"A1","firstName":"A","lastName":"L"}]}""", "clinicians[0].ptan: A PTAN is 6 to 10")]
    [InlineData("""{"kind":"apm-entity","apmModel":"pcf","entityId":"PCF0001","name":"P","participants":[]}""", "participants must not be empty")]
    [InlineData("""{"kind":"apm-entity","apmModel":"xyz","entityId":"PCF0001","name":"P","participants":[{"tin":"000765630"}]}""", "apmModel: unknown APM model 'xyz'")]
    [InlineData("""{"kind":"registry","vendorId":"45-2343","tin":"000765630","name":"R"}""", null)]
    [InlineData("""{"kind":"virtual-group","vgId":"VG-1","name":"V","tins":["000765630","000765630"]}""", "tins: a virtual group has two or more different member TINs")]
    [InlineData("""[1,2]""", "A record is a JSON object.")]
    [InlineData("""{"kind":"practice","tin":"000765630","name":"\ud800"}""", "A value could not be read")]
    [InlineData("""{"kind":"virtual-group","vgId":"VG-1","name":"V","tins":["000765630","\udfff"]}""", "A value could not be read")]
    [InlineData("""{"kind":"practice","tin":"000765630","name":"BBH","clinicians":[1]}""", "A value could not be read")]
    [InlineData("""{"kind":"apm-entity","apmModel":"pcf","entityId":"PCF0001","name":"P","participants":["000765630"]}""", "A value could not be read")]
    [InlineData("""{"kind":"practice","tin":"000765630","name":"BBH\u0085"}""", "name: at most 200 characters, no control characters")]
    [InlineData("""{"kind":"practice","tin":"000765630","name":"\u0085BBH"}""", "name: at most 200 characters, no control characters")]
    [InlineData("""{"kind":"practice","tin":"000765630","name":"BBH","city":"\u0085Baltimore"}""", "city: at most 200 characters, no control characters")]
    [InlineData("""{"kind":"practice","tin":"000765630","name":"BBH","clinicians":[{"npi":"1234567893","ptan":"AB1234","firstName":"Ann\u0085","lastName":"Lee"}]}""", "clinicians[0].firstName: at most 200 characters, no control characters")]
    [InlineData("""{"kind":"practice","tin":"000765630","name":"  BBH  "}""", null)]
    [InlineData("""{"kind":"practice","tin":"000765630","name":"BBH",""", "Not valid JSON")]
    [InlineData("""{"kind":"practice","tin":"000765630","name":"BBH","name":"Other"}""", "Not valid JSON")]
    [InlineData("""{"kind":"practice","tin":"000765630","name":"BBH","clinicians":[{"npi":"1234567893","npi":"1234567893","ptan":"AB1234","firstName":"A","lastName":"L"}]}""", "Not valid JSON")]
    public void A11_A_line_is_read_or_refused_with_its_reason(string line, string? reason)
    {
        var read = DirectoryRecord.TryRead(line, out var entry, out var why);

        Assert.Equal(reason is null, read);
        if (reason is null)
        {
            Assert.NotNull(entry);
        }
        else
        {
            Assert.StartsWith(reason, why, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A11_Import_lines_are_strict_UTF_8_a_line_that_is_not_is_refused_rather_than_read_with_replacement_characters()
    {
        byte[] file =
        [
            .. "\uFEFF{\"name\":\"Caf\u00e9\"}\r\n"u8,
            .. "{\"name\":\"Caf"u8, 0xFF, .. " Clinic\"}\n"u8,
            .. "{\"name\":\""u8, 0xC3, .. "\"}\n"u8,
            .. "{\"name\":\""u8, 0xC0, 0xAF, .. "\"}\n"u8,
            .. "{\"name\":\""u8, 0xED, 0xA0, 0x80, .. "\"}\n"u8,
            .. Enumerable.Repeat((byte)'x', NdjsonLines.MaxLineLength + 1), (byte)'\n',
            .. "last"u8,
        ];

        var lines = await ReadLinesAsync(file);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], lines.Select(l => l.Number));
        Assert.Equal(("{\"name\":\"Caf\u00e9\"}", (string?)null), (lines[0].Text, lines[0].Refusal));
        Assert.All(lines[1..5], line =>
        {
            Assert.Null(line.Text);
            Assert.StartsWith("The line is not valid UTF-8", line.Refusal, StringComparison.Ordinal);
        });
        Assert.Contains("byte 13 of the line", lines[1].Refusal, StringComparison.Ordinal);
        Assert.Equal((null, $"The line is longer than {NdjsonLines.MaxLineLength} bytes."), (lines[5].Text, lines[5].Refusal));
        Assert.Equal("last", lines[6].Text);
    }

    [Fact]
    public async Task A11_A_character_split_between_two_reads_is_read_whole()
    {
        var text = new string('a', (1 << 16) - 1) + "\u00e9\u20ac";
        var lines = await ReadLinesAsync(Encoding.UTF8.GetBytes(text + "\n"));

        Assert.Equal(text, Assert.Single(lines).Text);
    }

    private static async Task<List<NdjsonLine>> ReadLinesAsync(byte[] bytes)
    {
        var lines = new List<NdjsonLine>();
        await foreach (var line in NdjsonLines.ReadAsync(new MemoryStream(bytes)))
        {
            lines.Add(line);
        }

        return lines;
    }

    [Fact]
    public void A14_A15_Every_model_has_a_validation_kind_and_only_ssp_is_a_Shared_Savings_Program_ACO()
    {
        Assert.Equal(12, ApmModels.All.Count);
        Assert.All(ApmModels.All, m => Assert.Contains(m.Validation, new[] { ApmModel.TwoTins, ApmModel.TinNpi }));
        Assert.Equal(["ssp"], ApmModels.All.Where(m => m.Ssp).Select(m => m.Id));
    }

    [Fact]
    public void A13_Names_are_cut_into_lower_case_words()
    {
        Assert.Equal(["better", "business", "health"], NameWords.Of("  Better-Business  HEALTH, "));
        Assert.Equal("he", NameWords.Shard("health"));
        Assert.Equal("a", NameWords.Shard("a"));
    }

    [Fact]
    public async Task A11_The_synthetic_directory_is_valid_unique_and_the_same_every_time()
    {
        var first = await GenerateAsync(300);
        var second = await GenerateAsync(300);
        Assert.Equal(first, second);

        var entries = first.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            Assert.True(DirectoryRecord.TryRead(line, out var entry, out var reason), reason);
            return entry;
        }).ToList();

        var practices = entries.Where(e => e.OrgType == OrgTypes.Practice).ToList();
        Assert.Equal(300, practices.Count);
        Assert.Equal(("000765630", "Better Business Health"), (practices[0].OrgId, practices[0].Name));
        Assert.Equal(practices.Count, practices.Select(p => p.OrgId).Distinct().Count());
        Assert.All(practices, p => Assert.Equal(5, p.Clinicians.Length));
        Assert.Equal(1500, practices.SelectMany(p => p.Clinicians).Select(c => c.Npi).Distinct().Count());
        Assert.Equal(entries.Count, entries.Select(e => (e.OrgType, e.OrgId)).Distinct().Count());
        Assert.Contains(entries, e => e.OrgType == OrgTypes.ApmEntity && e.ApmModel == "ssp");
        Assert.Contains(entries, e => e.OrgType == OrgTypes.Registry);
        Assert.Contains(entries, e => e.OrgType == OrgTypes.VirtualGroup);
    }

    private static async Task<string> GenerateAsync(int practices)
    {
        var text = new StringBuilder();
        await using (var writer = new StringWriter(text))
        {
            await new DirectoryGenerator(practices).WriteAsync(writer);
        }

        return text.ToString();
    }
}
