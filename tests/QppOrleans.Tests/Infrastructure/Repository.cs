namespace QppOrleans.Tests.Infrastructure;

/// <summary>Paths of the repository and of the programs the build produced.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration these tests were built in (Debug or Release); the programs match it.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar).Contains("Release") ? "Release" : "Debug";

    public static string SiloDll => Program("Silo", "QppOrleans.Silo.dll");

    public static string ApiDll => Program("Api", "QppOrleans.Api.dll");

    public static string BenchDll => Path.Combine(Root, "bench", "QppOrleans.Bench", "bin", Configuration, "net10.0", "QppOrleans.Bench.dll");

    private static string Program(string project, string dll) =>
        Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", dll);

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
