using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Api.Imports;

/// <summary>
/// The lines an import refused: every one counted, the first
/// <see cref="MaxListed"/> listed with their reasons, in line order. Safe to add to from several
/// threads: the registration imports apply lines concurrently.
/// </summary>
public sealed class RejectedLines
{
    public const int MaxListed = 1000;

    private readonly List<RejectedLine> listed = [];
    private long count;

    public long Count
    {
        get
        {
            lock (listed)
            {
                return count;
            }
        }
    }

    public RejectedLine[] Listed
    {
        get
        {
            lock (listed)
            {
                return [.. listed.OrderBy(r => r.Line)];
            }
        }
    }

    public void Add(int line, string reason)
    {
        lock (listed)
        {
            count++;
            if (listed.Count < MaxListed)
            {
                listed.Add(new RejectedLine(line, reason));
            }
        }
    }
}
