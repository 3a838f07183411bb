using WgAgent.DebBuild.Spec;
using WgAgent.Packaging.Tests.Support;

namespace WgAgent.Packaging.Tests.Package;

/// <summary>One .deb the fixture built, what nfpm.yaml says it must hold, and what lintian said about it.</summary>
/// <param name="Arch">Debian architecture.</param>
/// <param name="Spec">nfpm.yaml read with the same variables build-deb.sh passed.</param>
/// <param name="Deb">The package taken apart.</param>
/// <param name="Lintian">lintian's exit code and output.</param>
public sealed record BuiltPackage(string Arch, PackageSpec Spec, DebArchive Deb, CommandResult Lintian);
