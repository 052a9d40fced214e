namespace PairingRules.Tests;

/// <summary>Where the test data lives in the test output folder.</summary>
internal static class TestPaths
{
    public static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    public static string Rules(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "rules", .. parts]);

    /// <summary>The source folder of this test project, for updating expected-output files.</summary>
    public static string SourceData(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PairingRules.Tests.csproj")))
        {
            dir = dir.Parent;
        }

        return Path.Combine([dir!.FullName, "TestData", .. parts]);
    }
}
