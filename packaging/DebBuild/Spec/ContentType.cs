namespace WgAgent.DebBuild.Spec;

/// <summary>The nfpm content types this builder supports (nfpm's <c>type:</c> key).</summary>
public enum ContentType
{
    /// <summary>No <c>type:</c>: a regular file copied from <c>src</c>.</summary>
    File,

    /// <summary><c>config</c>: a regular file that dpkg treats as a conffile.</summary>
    Config,

    /// <summary><c>config|noreplace</c>: for a .deb the same as <see cref="Config"/> (it differs only for rpm).</summary>
    ConfigNoReplace,

    /// <summary><c>dir</c>: an (empty) directory owned by the package.</summary>
    Dir,

    /// <summary><c>symlink</c>: <c>dst</c> is a symbolic link pointing at <c>src</c> (a path inside the package).</summary>
    Symlink,
}
