using System.Net;
using WgAgent.Core.Exporters;
using WgAgent.Core.Net;
using WgAgent.Core.Tunnel;

namespace WgAgent.Core.Tests.Exporters;

public sealed class ExporterAddressChoiceTests
{
    private static readonly InterfaceName Wg0 = InterfaceName.Parse("wg0");
    private static readonly NetworkLink UpLink = new(7, "wg0", LinkFlags.Up | LinkFlags.Running, "wireguard");
    private static readonly IReadOnlyList<IpNetwork> Configured = [Net("10.77.0.2/32"), Net("fd77::2/128")];

    [Fact]
    public void Choose_TunnelNotUp_TakesTheConfiguredAddresses()
    {
        Assert.Equal(Configured, ExporterAddressChoice.Choose(TunnelState.Create(Wg0, null, []), Configured));
        Assert.Equal(Configured, ExporterAddressChoice.Choose(TunnelState.Unknown(Wg0), Configured));
    }

    [Fact]
    public void Choose_UpWithTheConfiguredAddresses_KeepsTheFileOrderWhateverNetlinkOrder()
    {
        var tunnel = TunnelState.Create(Wg0, UpLink, [Address("fd77::2", 128), Address("10.77.0.2", 32)]);

        Assert.Equal(Configured, ExporterAddressChoice.Choose(tunnel, Configured));
    }

    [Fact]
    public void Choose_UpWithAnotherAddress_TakesTheLiveOne()
    {
        var tunnel = TunnelState.Create(Wg0, UpLink, [Address("10.77.0.9", 24)]);

        var chosen = ExporterAddressChoice.Choose(tunnel, Configured);

        Assert.Equal([IPAddress.Parse("10.77.0.9")], chosen.Select(n => n.Address));
    }

    [Fact]
    public void Choose_UpWithExtraAndLinkLocalAddresses_ConfiguredFirstThenOthersSortedWithoutLinkLocal()
    {
        var tunnel = TunnelState.Create(Wg0, UpLink,
            [Address("fe80::1", 64, AddressScope.Link), Address("10.77.0.5", 32), Address("fd77::2", 128), Address("10.77.0.3", 32)]);

        var chosen = ExporterAddressChoice.Choose(tunnel, Configured);

        Assert.Equal(["fd77::2", "10.77.0.3", "10.77.0.5"], chosen.Select(n => n.Address.ToString()));
    }

    private static IpNetwork Net(string text) => IpNetwork.Parse(text);

    private static InterfaceAddress Address(string ip, int prefix, AddressScope scope = AddressScope.Universe) =>
        new(IPAddress.Parse(ip), prefix, AddressFlags.None, scope);
}
