using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Grains.Directory;

/// <summary>
/// The organizations of one name-index shard: those with a word starting with the shard's
/// two characters. A search returns, in name order (then id), the first <c>limit</c> whose words
/// start with every query word. Entries are kept in name order, and also per word, so that a
/// query whose longest word is longer than the shard walks only the entries of the words that
/// start with it (a 200,000-practice directory has shards of tens of thousands of entries, most of
/// which a three-letter prefix does not match).
/// </summary>
public sealed class NameShard(string shard)
{
    /// <summary>Beyond this many matching words, one walk in name order is cheaper than merging their lists.</summary>
    private const int MostWordsToMerge = 64;

    private readonly SortedSet<Entry> byName = new(EntryOrder.Instance);
    private readonly Dictionary<string, Entry> byId = new(StringComparer.Ordinal);
    private readonly SortedSet<string> words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<Entry>> byWord = new(StringComparer.Ordinal);

    public IEnumerable<OrganizationSummary> Organizations => byId.Values.Select(e => e.Organization);

    /// <summary>Adds or replaces an organization; false when nothing changed (here as it is, or not of this shard).</summary>
    public bool Put(OrganizationSummary organization)
    {
        if (byId.TryGetValue(organization.OrgId, out var existing) && existing.Organization == organization)
        {
            return false;
        }

        var taken = Take(organization.OrgId);
        var names = NameWords.Of(organization.Name);
        var here = Array.FindAll(names, w => NameWords.Shard(w) == shard);
        if (here.Length == 0)
        {
            return taken;
        }

        var entry = new Entry(organization, organization.Name.ToUpperInvariant(), names, here);
        byId[organization.OrgId] = entry;
        byName.Add(entry);
        foreach (var word in here)
        {
            if (!byWord.TryGetValue(word, out var entries))
            {
                byWord[word] = entries = new SortedSet<Entry>(EntryOrder.Instance);
                words.Add(word);
            }

            entries.Add(entry);
        }

        return true;
    }

    /// <summary>Removes an organization; false when it was not here.</summary>
    public bool Take(string orgId)
    {
        if (!byId.Remove(orgId, out var entry))
        {
            return false;
        }

        byName.Remove(entry);
        foreach (var word in entry.WordsHere)
        {
            var entries = byWord[word];
            entries.Remove(entry);
            if (entries.Count == 0)
            {
                byWord.Remove(word);
                words.Remove(word);
            }
        }

        return true;
    }

    public OrganizationSummary[] Search(string[] queryWords, int limit)
    {
        if (queryWords.Length == 0)
        {
            return [];
        }

        // The longest word is the most selective (the caller picked this shard by it).
        var key = queryWords.MaxBy(w => w.Length)!;
        var candidates = InNameOrder(key);
        var found = new List<OrganizationSummary>(limit);
        Entry? last = null;
        foreach (var entry in candidates)
        {
            if (ReferenceEquals(entry, last) || !entry.Matches(queryWords))
            {
                continue;
            }

            last = entry;
            found.Add(entry.Organization);
            if (found.Count == limit)
            {
                break;
            }
        }

        return [.. found];
    }

    /// <summary>Entries that may match <paramref name="key"/>, in name order; an entry with two such words comes twice in a row.</summary>
    private IEnumerable<Entry> InNameOrder(string key)
    {
        if (key.Length <= shard.Length)
        {
            return byName;
        }

        var matching = words.GetViewBetween(key, key + char.MaxValue);
        return matching.Count switch
        {
            0 => [],
            1 => byWord[matching.Min!],
            > MostWordsToMerge => byName,
            _ => Merge(matching.Select(w => byWord[w])),
        };
    }

    private static IEnumerable<Entry> Merge(IEnumerable<SortedSet<Entry>> lists)
    {
        var next = new PriorityQueue<IEnumerator<Entry>, Entry>(EntryOrder.Instance);
        foreach (var list in lists)
        {
            var cursor = list.GetEnumerator();
            if (cursor.MoveNext())
            {
                next.Enqueue(cursor, cursor.Current);
            }
        }

        while (next.TryDequeue(out var cursor, out var entry))
        {
            yield return entry;
            if (cursor.MoveNext())
            {
                next.Enqueue(cursor, cursor.Current);
            }
        }
    }

    private sealed class Entry(OrganizationSummary organization, string sortName, string[] words, string[] wordsHere)
    {
        public OrganizationSummary Organization => organization;

        public string SortName => sortName;

        /// <summary>The name's words that belong to this shard.</summary>
        public string[] WordsHere => wordsHere;

        /// <summary>Every query word starts one of the name's words.</summary>
        public bool Matches(string[] queryWords)
        {
            foreach (var query in queryWords)
            {
                if (!StartsAny(query))
                {
                    return false;
                }
            }

            return true;
        }

        private bool StartsAny(string query)
        {
            foreach (var word in words)
            {
                if (word.StartsWith(query, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class EntryOrder : IComparer<Entry>
    {
        public static readonly EntryOrder Instance = new();

        public int Compare(Entry? x, Entry? y)
        {
            var byName = string.CompareOrdinal(x!.SortName, y!.SortName);
            return byName != 0 ? byName : string.CompareOrdinal(x.Organization.OrgId, y.Organization.OrgId);
        }
    }
}
