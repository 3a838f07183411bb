using System.Text;
using WgAgent.Core.Status;
using WgAgent.Status.Http;

namespace WgAgent.Status;

/// <summary>
/// The three answers one read of the status makes, composed and serialized once and then sent as they are to every
/// request until the next read: composing (normalizing and hashing the table, the JSON) costs far more than sending.
/// Immutable, so any number of connections may send them at once.
/// </summary>
/// <param name="Status">GET /v1/status: the status document.</param>
/// <param name="Killswitch">GET /v1/killswitch: the kill-switch document.</param>
/// <param name="Metrics">GET /metrics: the Prometheus text, from the same status document.</param>
public sealed record StatusAnswers(HttpResponse Status, HttpResponse Killswitch, HttpResponse Metrics)
{
    /// <summary>Composes the answers from one read.</summary>
    /// <param name="inputs">The read.</param>
    /// <returns>The answers.</returns>
    public static StatusAnswers Compose(StatusInputs inputs)
    {
        var document = StatusComposer.Compose(inputs);
        return new StatusAnswers(
            HttpResponse.Json(200, StatusJson.SerializeToUtf8(document)),
            HttpResponse.Json(200, StatusJson.SerializeToUtf8(StatusComposer.ComposeKillswitch(inputs))),
            new HttpResponse(200, MetricsText.ContentType, Encoding.UTF8.GetBytes(MetricsText.Render(document))));
    }
}
