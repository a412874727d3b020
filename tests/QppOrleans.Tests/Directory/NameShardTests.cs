using System.Text;
using QppOrleans.Api.Directory;
using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Directory;

namespace QppOrleans.Tests.Directory;

/// <summary>
/// A-13 in one name-index shard: whatever path a search takes inside the shard (a walk in name
/// order, one word's entries, or several words' entries merged), it answers what a plain filter
/// over every organization answers.
/// </summary>
public sealed class NameShardTests
{
    private static readonly OrganizationSummary[] Crafted =
    [
        Practice("900000001", "Smith Smithson Clinic"),
        Practice("900000002", "Smithfield Family Care"),
        Practice("900000003", "Anna Smith Health"),
        Practice("900000004", "Smart Kids Pediatrics"),
        Practice("900000005", "Smithy Medical"),
        Practice("900000006", "Smith Family Practice"),
        Practice("900000000", "Smith Family Practice"),
    ];

    [Fact]
    public async Task A13_Every_search_answers_what_a_filter_over_all_organizations_answers_in_name_then_id_order()
    {
        var organizations = (await SyntheticPracticesAsync(3000)).Concat(Crafted).ToArray();
        var shards = new Dictionary<string, NameShard>(StringComparer.Ordinal);
        foreach (var organization in organizations)
        {
            foreach (var word in NameWords.Of(organization.Name))
            {
                var shard = NameWords.Shard(word);
                if (!shards.TryGetValue(shard, out var index))
                {
                    shards[shard] = index = new NameShard(shard);
                }

                index.Put(organization);
            }
        }

        var random = new Random(13);
        var queries = new List<string> { "sm", "smi", "smith", "smith fam", "smithson", "fam smith", "smith smi", "zz", "clinic sm", "care smithf" };
        for (var i = 0; i < 400; i++)
        {
            var words = NameWords.Of(organizations[random.Next(organizations.Length)].Name);
            var first = random.Next(words.Length);
            var prefix = words[first][..Math.Min(words[first].Length, 2 + random.Next(5))];
            queries.Add(random.Next(3) == 0 && first + 1 < words.Length ? $"{prefix} {words[first + 1][..1]}" : prefix);
        }

        // One-letter queries fan out over every shard of the letter (DirectorySearch); here, one shard answers.
        foreach (var query in queries.Where(q => NameWords.Of(q).Max(w => w.Length) >= 2))
        {
            var words = NameWords.Of(query);
            var key = words.MaxBy(w => w.Length)!;
            var expected = organizations
                .Where(o => words.All(q => NameWords.Of(o.Name).Any(w => w.StartsWith(q, StringComparison.Ordinal))))
                .OrderBy(o => o.Name.ToUpperInvariant(), StringComparer.Ordinal).ThenBy(o => o.OrgId, StringComparer.Ordinal)
                .Take(20)
                .Select(o => o.OrgId);
            var found = shards.TryGetValue(NameWords.Shard(key), out var index) ? index.Search(words, 20) : [];
            Assert.True(expected.SequenceEqual(found.Select(o => o.OrgId)), $"query '{query}'");
        }
    }

    [Fact]
    public void A11_A13_A_renamed_or_removed_organization_is_found_by_its_current_name_only()
    {
        var shard = new NameShard("sm");
        Assert.True(shard.Put(Practice("900000001", "Smith Clinic")));
        Assert.False(shard.Put(Practice("900000001", "Smith Clinic")));
        Assert.False(shard.Put(Practice("900000009", "Jones Clinic")));

        Assert.True(shard.Put(Practice("900000001", "Smythe Clinic")));
        Assert.Empty(shard.Search(["smith"], 20));
        Assert.Equal(["900000001"], shard.Search(["smy"], 20).Select(o => o.OrgId));

        Assert.True(shard.Put(Practice("900000001", "Jones Clinic")));
        Assert.Empty(shard.Search(["sm"], 20));
        Assert.Empty(shard.Organizations);

        shard.Put(Practice("900000002", "Smith Care"));
        Assert.True(shard.Take("900000002"));
        Assert.False(shard.Take("900000002"));
        Assert.Empty(shard.Search(["smith"], 20));
    }

    private static OrganizationSummary Practice(string tin, string name) => new(OrgTypes.Practice, tin, name, "Baltimore", "MD", null);

    private static async Task<OrganizationSummary[]> SyntheticPracticesAsync(int practices)
    {
        var text = new StringBuilder();
        await using (var writer = new StringWriter(text))
        {
            await new DirectoryGenerator(practices, 1).WriteAsync(writer);
        }

        return [.. text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => DirectoryRecord.TryRead(line, out var entry, out _) ? entry : null)
            .Where(e => e is { OrgType: OrgTypes.Practice })
            .Select(e => e!.Summary)];
    }
}
