using Xunit.Abstractions;

namespace WgAgent.Lab.Tests.Killswitch.Support;

/// <summary>
/// What every kill-switch test class shares: one <typeparamref name="TFixture"/> lab for the class, node's table driven
/// through <see cref="Killswitch"/>, and the table removed after each test, so the next one starts without it.
/// </summary>
/// <typeparam name="TFixture">The class's lab, with the listeners its tests need.</typeparam>
public abstract class KillswitchLabTests<TFixture> : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : KillswitchLabFixture
{
    private protected KillswitchLabTests(TFixture fixture, ITestOutputHelper output)
    {
        Fixture = fixture;
        Output = output;
        Killswitch = new NodeKillswitch(fixture.Lab, output);
    }

    protected TFixture Fixture { get; }

    protected ITestOutputHelper Output { get; }

    protected Lab Lab => Fixture.Lab;

    private protected NodeKillswitch Killswitch { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Killswitch.RemoveAsync();
}
