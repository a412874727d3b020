using QppOrleans.Api.Imports;
using QppOrleans.Grains.Directory;

namespace QppOrleans.Tests.Directory;

/// <summary>A-11, R-10, R-13: an import report counts every refused line and lists the first thousand, in line order.</summary>
public sealed class RejectedLinesTests
{
    [Fact]
    public void A11_R10_Every_refused_line_is_counted_the_first_thousand_listed_in_line_order_even_when_added_from_many_threads()
    {
        var rejections = new RejectedLines();

        Parallel.For(1, 2501, new ParallelOptions { MaxDegreeOfParallelism = 8 }, line => rejections.Add(line, $"line {line} refused"));

        Assert.Equal(2500, rejections.Count);
        var listed = rejections.Listed;
        Assert.Equal(RejectedLines.MaxListed, listed.Length);
        Assert.Equal(listed.Select(r => r.Line).Order(), listed.Select(r => r.Line));
        Assert.Equal(listed.Length, listed.Select(r => r.Line).Distinct().Count());
        Assert.All(listed, r => Assert.Equal($"line {r.Line} refused", r.Reason));
    }
}
