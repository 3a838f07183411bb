using Xunit;

namespace WgAgent.Lab;

/// <summary>
/// xunit fixture (class or collection) holding one <see cref="Lab"/> for many tests. Subclass and override
/// <see cref="CreateOptions"/> for another kind of lab (e.g. an external node tunnel for a booted host).
/// </summary>
public class LabFixture : IAsyncLifetime
{
    private Lab? _lab;

    /// <summary>The running lab; throws if bring-up failed (its exception is then the fixture's error).</summary>
    public Lab Lab => _lab ?? throw new InvalidOperationException("the lab is not up (see the fixture's bring-up error)");

    /// <summary>How long bring-up took.</summary>
    public TimeSpan BringUpTime => Lab.BringUpTime;

    /// <summary>Brings the lab up.</summary>
    public virtual async Task InitializeAsync() => _lab = await Lab.StartAsync(CreateOptions()).ConfigureAwait(false);

    /// <summary>Tears the lab down (throws if anything was left behind).</summary>
    public virtual async Task DisposeAsync()
    {
        if (_lab is { } lab)
        {
            _lab = null;
            await lab.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The options for the lab; the default is the full level-1 lab.</summary>
    protected virtual LabOptions CreateOptions() => new();
}
