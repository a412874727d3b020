using System.Text.RegularExpressions;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Hosting;

/// <summary>
/// The API speaks to the cluster through the grains' contracts (<c>QppOrleans.Grains.Abstractions</c>)
/// only. The grains' implementation (<c>QppOrleans.Grains.*</c>) is for the silo; the API's
/// <c>Hosting/</c> folder may use it, because that is where the API hosts the embedded silo and
/// the Development directory. The portal talks HTTP and knows neither.
/// </summary>
public sealed partial class LayeringTests
{
    public static TheoryData<string> SourceFolders => new() { Path.Combine("src", "Api"), Path.Combine("src", "Portal") };

    [Theory]
    [MemberData(nameof(SourceFolders))]
    public void Endpoint_code_uses_the_grains_contracts_not_their_implementation(string folder)
    {
        var hosting = Path.Combine(Repository.Root, "src", "Api", "Hosting") + Path.DirectorySeparatorChar;
        var offending = System.IO.Directory.EnumerateFiles(Path.Combine(Repository.Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.StartsWith(hosting, StringComparison.Ordinal) && !IsBuildOutput(file))
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(hit => ImplementationReference().IsMatch(hit.line))
            .Select(hit => $"{Path.GetRelativePath(Repository.Root, hit.file)}:{hit.number}: {hit.line.Trim()}")
            .ToList();

        Assert.True(offending.Count == 0, "implementation types of src/Grains used outside src/Api/Hosting:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void The_check_finds_an_implementation_namespace_however_it_is_written()
    {
        Assert.Matches(ImplementationReference(), "using QppOrleans.Grains.Accounts;");
        Assert.Matches(ImplementationReference(), "using QppOrleans.Grains;");
        Assert.Matches(ImplementationReference(), "var id = Grains.Accounts.AccountInput.NormalizeUserId(x);");
        Assert.Matches(ImplementationReference(), "global::QppOrleans.Grains.Runtime.TransientCallRetry");
        Assert.DoesNotMatch(ImplementationReference(), "using QppOrleans.Grains.Abstractions.Accounts;");
        Assert.DoesNotMatch(ImplementationReference(), "IGrainFactory grains, QppOrleans.Grains.Abstractions.GrainKeys keys");
    }

    private static bool IsBuildOutput(string file) =>
        file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    /// <summary><c>QppOrleans.Grains</c> or <c>Grains.</c> followed by anything but <c>Abstractions</c>.</summary>
    [GeneratedRegex(@"(\bQppOrleans\.Grains\b|(?<![\w.])Grains\.)(?!\.?Abstractions\b)")]
    private static partial Regex ImplementationReference();
}
