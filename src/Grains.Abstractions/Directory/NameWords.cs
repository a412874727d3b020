namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>How names are cut into words for type-ahead search: lower case, letters and digits.</summary>
public static class NameWords
{
    public static string[] Of(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return [.. words.Distinct()];
    }

    /// <summary>The shard of a word: its first two characters (a one-letter word is its own shard).</summary>
    public static string Shard(string word) => word.Length <= 2 ? word : word[..2];
}
