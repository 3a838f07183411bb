using System.Net;
using WgAgent.Core.Tunnel;

namespace WgAgent.Core.Tests.Tunnel;

public sealed class InterfaceAddressTests
{
    [Theory]
    [InlineData("10.0.0.2", AddressFlags.Permanent, AddressScope.Universe, true)]
    [InlineData("fd00::2", AddressFlags.Permanent, AddressScope.Universe, true)]
    [InlineData("fd00::2", AddressFlags.Permanent | AddressFlags.Tentative, AddressScope.Universe, false)]
    [InlineData("fd00::2", AddressFlags.Tentative | AddressFlags.Optimistic, AddressScope.Universe, true)]
    [InlineData("fd00::2", AddressFlags.Permanent | AddressFlags.DadFailed | AddressFlags.Tentative, AddressScope.Universe, false)]
    [InlineData("fd00::2", AddressFlags.Permanent | AddressFlags.Deprecated, AddressScope.Universe, true)]
    [InlineData("fd00::2", AddressFlags.NoDad, AddressScope.Site, true)]
    [InlineData("fe80::1", AddressFlags.Permanent, AddressScope.Link, false)]
    [InlineData("127.0.0.1", AddressFlags.Permanent, AddressScope.Host, false)]
    public void IsUsable_FlagsAndScope_MatchesDefinition(string address, AddressFlags flags, AddressScope scope, bool usable)
    {
        var value = new InterfaceAddress(IPAddress.Parse(address), 64, flags, scope);

        Assert.Equal(usable, value.IsUsable);
    }
}
