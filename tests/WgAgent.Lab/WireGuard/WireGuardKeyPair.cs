using WgAgent.Lab.Processes;

namespace WgAgent.Lab.WireGuard;

/// <summary>A Curve25519 key pair in WireGuard's base64 form.</summary>
/// <param name="PrivateKey">Base64 private key (secret; a fresh one per lab run).</param>
/// <param name="PublicKey">Base64 public key.</param>
public sealed record WireGuardKeyPair(string PrivateKey, string PublicKey)
{
    /// <summary>Generates a pair with <c>wg genkey</c> / <c>wg pubkey</c> (pure computation, no network).</summary>
    public static async Task<WireGuardKeyPair> GenerateAsync(CancellationToken cancellationToken = default)
    {
        var timeout = TimeSpan.FromSeconds(10);
        var privateKey = (await CommandRunner.RunAsync(["wg", "genkey"], timeout, cancellationToken: cancellationToken)
            .ConfigureAwait(false)).EnsureSuccess().Stdout.Trim();
        var publicKey = (await CommandRunner.RunAsync(["wg", "pubkey"], timeout, privateKey + "\n", cancellationToken)
            .ConfigureAwait(false)).EnsureSuccess().Stdout.Trim();
        return new WireGuardKeyPair(privateKey, publicKey);
    }

    /// <summary>Never prints the private key.</summary>
    public override string ToString() => $"public key {PublicKey}";
}
