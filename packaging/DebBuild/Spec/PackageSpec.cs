namespace WgAgent.DebBuild.Spec;

/// <summary>The package as nfpm.yaml describes it, variables expanded and checked: what the .deb will hold.</summary>
public sealed record PackageSpec
{
    /// <summary>Package name (control Package).</summary>
    public required string Name { get; init; }

    /// <summary>Debian architecture (control Architecture): amd64, arm64 or all.</summary>
    public required string Architecture { get; init; }

    /// <summary>Debian version, used as written.</summary>
    public required string Version { get; init; }

    /// <summary>Archive section, or null.</summary>
    public string? Section { get; init; }

    /// <summary>Priority (nfpm's default for deb: optional).</summary>
    public required string Priority { get; init; }

    /// <summary>"Name &lt;address&gt;".</summary>
    public required string Maintainer { get; init; }

    /// <summary>The description as written: first line the synopsis, the rest the extended description.</summary>
    public required string Description { get; init; }

    /// <summary>Homepage URL, or null.</summary>
    public string? Homepage { get; init; }

    /// <summary>Relationship fields in the order nfpm writes them; only non-empty ones.</summary>
    public IReadOnlyList<PackageRelation> Relations { get; init; } = [];

    /// <summary>Files, directories and links, in spec order.</summary>
    public IReadOnlyList<ContentEntry> Contents { get; init; } = [];

    /// <summary>Maintainer scripts, in spec order.</summary>
    public IReadOnlyList<ScriptFile> Scripts { get; init; } = [];

    /// <summary>dpkg-deb's -Z value: xz, gzip, zstd or none (nfpm's default: gzip).</summary>
    public string Compression { get; init; } = "gzip";

    /// <summary>The conffiles, in spec order (DEBIAN/conffiles).</summary>
    public IEnumerable<ContentEntry> Conffiles => Contents.Where(c => c.IsConffile);

    /// <summary>nfpm's conventional file name: <c>NAME_VERSION_ARCH.deb</c>.</summary>
    public string FileName => $"{Name}_{Version}_{Architecture}.deb";
}
