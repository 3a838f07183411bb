using WgAgent.DebBuild.Spec;

namespace WgAgent.Packaging.Tests.Spec;

public class SpecReaderTests
{
    [Fact]
    public void Read_MinimalSpec_ExpandsVariablesAndAppliesDefaults()
    {
        var spec = SpecText.Read(SpecText.Minimal);

        Assert.Equal("demo", spec.Name);
        Assert.Equal("arm64", spec.Architecture);
        Assert.Equal("1.2.3", spec.Version);
        Assert.Equal("optional", spec.Priority);
        Assert.Equal("gzip", spec.Compression);
        Assert.Equal("demo synopsis\nExtended text.", spec.Description);
        Assert.Equal("demo_1.2.3_arm64.deb", spec.FileName);
        var binary = spec.Contents[0];
        Assert.Equal(("bin/arm64/demo", "/usr/bin/demo", ContentType.File, (UnixFileMode)0b111_101_101, "root", "root"),
            (binary.Source, binary.Destination, binary.Type, binary.Mode, binary.Owner, binary.Group));
        Assert.Equal(new SpecPosition("nfpm.yaml", 9, 5), binary.Position);
        Assert.Equal(new ScriptFile("postinst", "scripts/postinst", new SpecPosition("nfpm.yaml", 20, 16)), Assert.Single(spec.Scripts));
    }

    [Fact]
    public void Read_ConfigEntries_AreTheConffiles()
    {
        var spec = SpecText.Read(SpecText.Minimal);

        var conffile = Assert.Single(spec.Conffiles);
        Assert.Equal(("/etc/demo.conf", ContentType.ConfigNoReplace, (UnixFileMode)0b110_100_000),
            (conffile.Destination, conffile.Type, conffile.Mode));
    }

    [Fact]
    public void Read_UnsetVariable_IsAnErrorAtTheValue()
    {
        var errors = SpecText.Errors(SpecText.Minimal, new Dictionary<string, string> { ["VERSION"] = "1.0.0", ["RID_ARCH"] = "x64" });

        Assert.Equal(["nfpm.yaml:2:7: error: arch: variable ${ARCH} is not set (pass --var ARCH=VALUE or set it in the environment)"], errors);
    }

    [Fact]
    public void Read_UnknownTopLevelKey_IsAnErrorAtTheKey()
    {
        var errors = SpecText.Errors(SpecText.Minimal + "\nchangelog: changelog.yaml\n");

        var error = Assert.Single(errors);
        Assert.StartsWith("nfpm.yaml:21:1: error: unknown key \"changelog\" (this builder reads: name, arch, ", error);
    }

    [Fact]
    public void Read_UnknownKeyInAContentsEntry_IsAnErrorAtTheKey()
    {
        var yaml = SpecText.Minimal.Replace("    expand: true\n", "    expand: true\n    packager: deb\n");

        var error = Assert.Single(SpecText.Errors(yaml));
        Assert.Equal("nfpm.yaml:12:5: error: contents[0]: unknown key \"packager\" (this builder reads: src, dst, type, expand, file_info)", error);
    }

    [Fact]
    public void Read_UnknownFileInfoKey_IsAnErrorAtTheKey()
    {
        var yaml = SpecText.Minimal.Replace("      mode: 0755\n", "      mode: 0755\n      mtime: 2008-01-02T15:04:05Z\n");

        Assert.Equal(["nfpm.yaml:14:7: error: contents[0].file_info: unknown key \"mtime\" (this builder reads: mode, owner, group)"],
            SpecText.Errors(yaml));
    }

    [Fact]
    public void Read_VariableInContentWithoutExpand_IsAnError()
    {
        // nfpm expands src only with expand: true; without it the file would be named "bin/${RID_ARCH}/demo".
        var yaml = SpecText.Minimal.Replace("    expand: true\n", "");

        var error = Assert.Single(SpecText.Errors(yaml));
        Assert.Equal("nfpm.yaml:9:10: error: contents[0].src: nfpm does not expand variables here, so \"bin/${RID_ARCH}/demo\" would be taken literally", error);
    }

    [Theory]
    [InlineData("755", "\"755\" is not an octal mode with a leading 0, e.g. 0644")]
    [InlineData("0958", "\"0958\" is not an octal mode with a leading 0, e.g. 0644")]
    [InlineData("rwxr-xr-x", "\"rwxr-xr-x\" is not an octal mode with a leading 0, e.g. 0644")]
    public void Read_ModeNotInOctal_IsAnError(string mode, string reason)
    {
        var yaml = SpecText.Minimal.Replace("mode: 0755", $"mode: {mode}");

        Assert.Equal([$"nfpm.yaml:13:13: error: contents[0].file_info.mode: {reason}"], SpecText.Errors(yaml));
    }

    [Fact]
    public void Read_FileWithoutMode_IsAnError()
    {
        var yaml = SpecText.Minimal.Replace("    file_info:\n      mode: 0755\n", "");

        Assert.Equal(["nfpm.yaml:9:5: error: contents[0].file_info.mode: required for a file (the build tree's mode depends on the checkout)"],
            SpecText.Errors(yaml));
    }

    [Theory]
    [InlineData("dst: /etc/demo.conf", "dst: /usr/share/demo.conf", "nfpm.yaml:15:10: error: contents[1].dst: a config file must be under /etc, not /usr/share/demo.conf")]
    [InlineData("dst: /usr/bin/demo", "dst: /etc/demo.conf", "nfpm.yaml:14:5: error: contents[1].dst: /etc/demo.conf is already contents[0]")]
    [InlineData("dst: /etc/demo.conf", "dst: etc/demo.conf", "nfpm.yaml:15:10: error: contents[1].dst: \"etc/demo.conf\" is not a normalized absolute path (no //, ., .. or trailing /)")]
    [InlineData("dst: /etc/demo.conf", "dst: /etc/../demo.conf", "nfpm.yaml:15:10: error: contents[1].dst: \"/etc/../demo.conf\" is not a normalized absolute path (no //, ., .. or trailing /)")]
    [InlineData("src: demo.conf", "src: conf/*.conf", "nfpm.yaml:14:10: error: contents[1].src: \"conf/*.conf\": globs are not supported, name one file")]
    [InlineData("src: demo.conf", "src: ../demo.conf", "nfpm.yaml:14:10: error: contents[1].src: \"../demo.conf\" must be relative to the spec's directory, without '..'")]
    [InlineData("type: config|noreplace", "type: ghost", "nfpm.yaml:16:11: error: contents[1].type: \"ghost\" is not supported here (supported: config, config|noreplace, dir, symlink, or none for a file)")]
    [InlineData("mode: 0640", "mode: 0640\n      owner: demo", "nfpm.yaml:19:14: error: contents[1].file_info.owner: \"demo\": only root is supported (dpkg-deb --root-owner-group); create other owners in postinst")]
    public void Read_BadContentsEntry_IsAnErrorAtTheValue(string find, string replace, string expected)
    {
        var yaml = SpecText.Minimal.Replace(find, replace);

        Assert.Equal([expected], SpecText.Errors(yaml));
    }

    [Theory]
    [InlineData("version: ${VERSION}", "version: 1.0.0-rc1", "nfpm.yaml:3:10: error: version: \"1.0.0-rc1\" is not plain X.Y.Z, which nfpm's semver schema would rewrite; set version_schema: none")]
    [InlineData("name: demo", "name: Demo", "nfpm.yaml:1:7: error: name: \"Demo\" is not a Debian package name (lower case letters, digits, '+', '-', '.')")]
    [InlineData("arch: ${ARCH}", "arch: arm7", "nfpm.yaml:2:7: error: arch: \"arm7\" is not one this builder maps to a Debian architecture (amd64, arm64, all)")]
    [InlineData("maintainer: Demo Maintainers <demo@example.org>", "maintainer: demo@example.org", "nfpm.yaml:4:13: error: maintainer: \"demo@example.org\" is not \"Full Name <address>\"")]
    [InlineData("name: demo", "name: demo\nsection: ${SECTION}", "nfpm.yaml:2:10: error: section: nfpm does not expand variables here, so \"${SECTION}\" would be taken literally")]
    [InlineData("name: demo", "name: demo\ndeb:\n  compression: lzma", "nfpm.yaml:3:16: error: deb.compression: \"lzma\" is not one of gzip, xz, zstd, none")]
    [InlineData("name: demo", "name: demo\ndepends:\n  - a, b", "nfpm.yaml:3:5: error: depends[0]: \"a, b\" must be one package relation, without ','")]
    public void Read_BadControlValue_IsAnErrorAtTheValue(string find, string replace, string expected)
    {
        var yaml = SpecText.Minimal.Replace(find, replace);

        Assert.Equal([expected], SpecText.Errors(yaml));
    }

    [Fact]
    public void Read_VersionSchemaNone_TakesADebianVersionAsWritten()
    {
        var yaml = SpecText.Minimal.Replace("version: ${VERSION}", "version: 1.0.0~rc1\nversion_schema: none");

        Assert.Equal("1.0.0~rc1", SpecText.Read(yaml).Version);
    }

    [Fact]
    public void Read_MissingRequiredKeys_ReportsEachAtTheTop()
    {
        var errors = SpecText.Errors("contents: []\n");

        Assert.Equal(
            [
                "nfpm.yaml:1:1: error: name: required", "nfpm.yaml:1:1: error: arch: required",
                "nfpm.yaml:1:1: error: version: required", "nfpm.yaml:1:1: error: maintainer: required",
                "nfpm.yaml:1:1: error: description: required",
            ],
            errors);
    }

    [Fact]
    public void Read_YamlSyntaxError_IsOneErrorWithItsPosition()
    {
        var error = Assert.Single(SpecText.Errors("name: demo\narch: [amd64\n"));

        Assert.StartsWith("nfpm.yaml:", error);
        Assert.Contains(": error: ", error);
    }

    [Fact]
    public void Read_DuplicateKey_IsAnError()
    {
        var error = Assert.Single(SpecText.Errors(SpecText.Minimal + "\nname: other\n"));

        Assert.Matches(@"^nfpm\.yaml:\d+:\d+: error: .*", error);
    }

    [Fact]
    public void Read_DirAndSymlink_KeepTheirModeAndTarget()
    {
        var yaml = SpecText.Minimal.Replace("scripts:\n", "  - dst: /var/lib/demo\n    type: dir\n    file_info:\n      mode: 0700\n"
            + "  - src: /usr/bin/demo\n    dst: /usr/sbin/demo\n    type: symlink\nscripts:\n");

        var spec = SpecText.Read(yaml);

        Assert.Equal((ContentType.Dir, null, (UnixFileMode)0b111_000_000), (spec.Contents[2].Type, spec.Contents[2].Source, spec.Contents[2].Mode));
        Assert.Equal((ContentType.Symlink, "/usr/bin/demo", (UnixFileMode)0b111_111_111), (spec.Contents[3].Type, spec.Contents[3].Source, spec.Contents[3].Mode));
    }
}
