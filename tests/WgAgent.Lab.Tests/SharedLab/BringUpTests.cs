using Xunit.Abstractions;

namespace WgAgent.Lab.Tests.SharedLab;

[Collection(LabCollection.Name)]
[Trait("lab", "level-1")]
public sealed class BringUpTests(LabFixture fixture, ITestOutputHelper output)
{
    [Fact]
    [Trait("measure", "bring-up")]
    public void StartAsync_DefaultOptions_TakesAFewSeconds()
    {
        var lab = fixture.Lab;
        output.WriteLine($"lab {lab.Id}: bring-up took {lab.BringUpTime.TotalSeconds:0.00} s");
        foreach (var (step, elapsed) in lab.BringUpSteps)
        {
            output.WriteLine($"  {step,-18} {elapsed.TotalMilliseconds,6:0} ms");
        }

        // "A few seconds": generous for a loaded CI machine, tight enough to notice a bring-up that polls badly.
        Assert.InRange(lab.BringUpTime, TimeSpan.Zero, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void StartAsync_DefaultOptions_EveryNamespaceExistsWithTheRunId()
    {
        var lab = fixture.Lab;
        Assert.Equal(6, lab.NamespaceNames.Distinct().Count());
        Assert.All(lab.Hosts, host =>
        {
            Assert.StartsWith($"wgl-{lab.Id}-", host.NamespaceName, StringComparison.Ordinal);
            Assert.True(File.Exists(host.NamespacePath), $"{host.NamespacePath} missing");
        });
    }
}
