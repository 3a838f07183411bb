using WgAgent.Core.Exporters;

namespace WgAgent.Core.Status;

public static partial class StatusComposer
{
    private static List<ExporterStatus> ComposeExporters(StatusInputs inputs, List<StatusProblem> problems)
    {
        if (inputs.Exporters is null)
        {
            problems.Add(new StatusProblem(ProblemCodes.ExportersUnchecked, "the exporters have not been checked yet",
                $"wgagent checks them once {inputs.Tunnel.Interface} is up; if this persists see {JournalHint}"));
        }

        var result = new List<ExporterStatus>();
        foreach (var exporter in inputs.Exporters ?? [])
        {
            var unit = exporter.Unit.Value;
            var unitState = inputs.UnitStates.TryGetValue(unit, out var s) ? s : null;
            var problem = ExporterProblem(exporter, unitState, inputs.Tunnel.Interface.Value);
            if (problem is not null)
            {
                problems.Add(problem);
            }

            result.Add(new ExporterStatus
            {
                Name = exporter.Name,
                Unit = unit,
                Port = exporter.Port,
                ExpectedAddresses = [.. exporter.Expected.Select(a => a.ToString())],
                ActualAddresses = [.. exporter.Actual.Select(a => a.ToString())],
                State = exporter.State switch
                {
                    ExporterListenState.Bound => ExporterBindState.Bound,
                    ExporterListenState.Incomplete => ExporterBindState.Incomplete,
                    ExporterListenState.NotListening => ExporterBindState.NotListening,
                    _ => ExporterBindState.Exposed,
                },
                UnitState = unitState,
            });
        }

        foreach (var error in inputs.ExporterErrors)
        {
            problems.Add(new StatusProblem(ProblemCodes.ExporterBindFailed, error, $"see {JournalHint}"));
        }

        return result;
    }

    private static StatusProblem? ExporterProblem(ExporterListenerStatus exporter, string? unitState, string tunnel)
    {
        var who = $"exporter {exporter.Name} ({exporter.Unit})";
        var unit = exporter.Unit.Value;
        string On(IEnumerable<System.Net.IPAddress> addresses) =>
            string.Join(" and ", addresses.Select(a => ListenEndpoint.Format(a, exporter.Port)));
        switch (exporter.State)
        {
            case ExporterListenState.Exposed:
                return new StatusProblem(ProblemCodes.ExporterExposed,
                    $"{who} listens on {On(exporter.Actual.Where(a => !exporter.Expected.Contains(a)))}",
                    $"run `systemctl restart {unit}` or check unit overrides (`systemctl cat {unit}`)");
            case ExporterListenState.Incomplete:
                return new StatusProblem(ProblemCodes.ExporterIncomplete,
                    $"{who} listens on {On(exporter.Actual)} but not on {On(exporter.Expected.Where(a => !exporter.Actual.Contains(a)))}",
                    $"run `systemctl restart {unit}` so it binds every {tunnel} address");
            case ExporterListenState.NotListening:
                var reasons = new List<string>();
                if (exporter.Expected.Count == 0)
                {
                    reasons.Add($"{tunnel} has no address yet");
                }
                if (unitState is not (null or "active"))
                {
                    reasons.Add($"{unit} is {unitState}");
                }
                return new StatusProblem(ProblemCodes.ExporterNotListening,
                    $"{who} is not listening on port {exporter.Port}{(reasons.Count == 0 ? "" : ": " + string.Join("; ", reasons))}",
                    $"run `systemctl status {unit}` and `journalctl -u {unit}`");
            default:
                return null;
        }
    }
}
