namespace WgAgent.Core.Tests.Exporters;

/// <summary>The committed generated unit files (what wgagent writes into /etc/systemd/system).</summary>
internal static class ExporterGoldenFiles
{
    private static readonly GoldenFolder Folder = new("Exporters");

    public static string Directory => Folder.Directory;

    /// <summary>Asserts <paramref name="actual"/> equals Golden/<paramref name="name"/>, or rewrites it when updating.</summary>
    public static void Verify(string name, string actual) => Folder.Verify(name, actual);
}
