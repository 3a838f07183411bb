using WgAgent.Exporters;

namespace WgAgent.Exporters.Tests;

/// <summary>A temporary unit directory standing in for /etc/systemd/system; removed on dispose.</summary>
internal sealed class TempUnitDirectory : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("wgx-units-");

    public TempUnitDirectory() => Units = new UnitDirectory(root.FullName);

    public UnitDirectory Units { get; }

    public string PathOf(string relative) => Path.Combine(root.FullName, relative);

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Write(string relative, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), content);
    }

    /// <summary>Every file and link below the directory, relative, sorted.</summary>
    public IReadOnlyList<string> Listing() =>
        Directory.EnumerateFileSystemEntries(root.FullName, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root.FullName, p))
            .Order(StringComparer.Ordinal)
            .ToList();

    public void Dispose() => root.Delete(recursive: true);
}
