namespace WgAgent.Lab.Prometheus;

/// <summary>One element of an instant-vector query result.</summary>
/// <param name="Labels">The series labels (including __name__ when present).</param>
/// <param name="Value">The sample value.</param>
public sealed record PrometheusSample(IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>A label's value, or empty when absent.</summary>
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : "";
}
