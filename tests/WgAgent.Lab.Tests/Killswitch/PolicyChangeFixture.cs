using WgAgent.Lab.Tests.Killswitch.Support;

namespace WgAgent.Lab.Tests.Killswitch;

/// <summary>A plain lab: inet's echo services are all these tests need.</summary>
public sealed class PolicyChangeFixture : KillswitchLabFixture
{
    protected override Task PrepareAsync(Lab lab) => Task.CompletedTask;
}
