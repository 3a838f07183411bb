using Xunit.Abstractions;

namespace WgAgent.System.Tests.Booting;

/// <summary>
/// A test class on a booted node: the fixture and the output, and as every test's first line which machine in which
/// namespace it ran against and how long that took to set up.
/// </summary>
/// <typeparam name="TFixture">The booted lab the class shares (through its collection or as a class fixture).</typeparam>
public abstract class BootedLabTests<TFixture>
    where TFixture : BootedLabFixture
{
    private protected BootedLabTests(TFixture fixture, ITestOutputHelper output)
    {
        Fixture = fixture;
        Output = output;
        output.WriteLine($"{fixture.Host.MachineName} in {fixture.Lab.Node.NamespaceName}: {fixture.Timings}");
    }

    protected TFixture Fixture { get; }

    protected ITestOutputHelper Output { get; }
}
