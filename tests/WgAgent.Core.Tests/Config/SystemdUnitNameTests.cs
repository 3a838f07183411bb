using WgAgent.Core.Config;

namespace WgAgent.Core.Tests.Config;

public class SystemdUnitNameTests
{
    [Theory]
    [InlineData("prometheus-node-exporter.service", "service")]
    [InlineData("wg-quick@wg0.service", "service")]
    [InlineData("docker.socket", "socket")]
    [InlineData("system-getty.slice", "slice")]
    [InlineData(@"dev-disk-by\x2duuid.device", "device")]
    public void TryParse_ValidName_KeepsNameAndType(string text, string type)
    {
        var ok = SystemdUnitName.TryParse(text, out var name, out var error);

        Assert.True(ok, error);
        Assert.Equal(text, name!.Value);
        Assert.Equal(type, name.Type);
    }

    [Theory]
    [InlineData("", "\"\" is not a systemd unit name: it must have 1 to 255 characters")]
    [InlineData("node_exporter", "\"node_exporter\" is not a systemd unit name: it must end in a unit type such as \".service\"")]
    [InlineData("node.exe", "\"node.exe\" is not a systemd unit name: it must end in a unit type such as \".service\"")]
    [InlineData(".service", "\".service\" is not a systemd unit name: it must end in a unit type such as \".service\"")]
    [InlineData("a b.service", "\"a b.service\" is not a systemd unit name: character ' ' is not allowed")]
    [InlineData("x;rm -rf.service", "\"x;rm -rf.service\" is not a systemd unit name: character ';' is not allowed")]
    [InlineData("@x.service", "\"@x.service\" is not a systemd unit name: '@' may appear once, after a non-empty prefix")]
    [InlineData("a@b@c.service", "\"a@b@c.service\" is not a systemd unit name: '@' may appear once, after a non-empty prefix")]
    public void TryParse_InvalidName_ExplainsWhy(string text, string expected)
    {
        var ok = SystemdUnitName.TryParse(text, out var name, out var error);

        Assert.False(ok);
        Assert.Null(name);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_NameLongerThan255_IsRejected()
    {
        var ok = SystemdUnitName.TryParse(new string('a', 248) + ".service", out _, out var error);

        Assert.False(ok);
        Assert.Contains("1 to 255 characters", error, StringComparison.Ordinal);
    }
}
