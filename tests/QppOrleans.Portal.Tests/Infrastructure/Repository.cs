namespace QppOrleans.Portal.Tests.Infrastructure;

/// <summary>Paths of the repository and the configuration these tests were built in.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar).Contains("Release") ? "Release" : "Debug";

    /// <summary>Where each test saves its screenshots (under the test output).</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "QppOrleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("QppOrleans.sln not found above " + AppContext.BaseDirectory);
    }
}
