namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>The counts of a directory import and the rejected lines with their reasons (the first 1,000).</summary>
public sealed record DirectoryImportReport(
    long Created,
    long Updated,
    long Unchanged,
    long Rejected,
    IReadOnlyList<RejectedLine> Rejections)
{
    public long Lines => Created + Updated + Unchanged + Rejected;
}

public sealed record RejectedLine(int Line, string Reason);
