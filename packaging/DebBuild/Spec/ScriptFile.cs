namespace WgAgent.DebBuild.Spec;

/// <summary>A maintainer script named in <c>scripts:</c>.</summary>
/// <param name="DebianName">The name dpkg gives it in DEBIAN/: preinst, postinst, prerm or postrm.</param>
/// <param name="Source">The file in the build tree, relative to the spec's directory.</param>
/// <param name="Position">Where the spec names it.</param>
public sealed record ScriptFile(string DebianName, string Source, SpecPosition Position);
