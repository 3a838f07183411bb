namespace WgAgent.Core.Status;

/// <summary>One thing wrong (<c>problems[]</c>).</summary>
/// <param name="Code">A stable identifier for scripts, e.g. <c>exporter-exposed</c> (<see cref="ProblemCodes"/>).</param>
/// <param name="Message">One human sentence, e.g. <c>exporter node (prometheus-node-exporter.service) listens on
/// 0.0.0.0:9100</c>.</param>
/// <param name="Hint">What to do about it, e.g. <c>run `systemctl restart prometheus-node-exporter.service` or check
/// unit overrides</c>.</param>
public sealed record StatusProblem(string Code, string Message, string Hint);
