package dev.tokensandbox.client.presets;

import dev.tokensandbox.client.session.RenewalPolicy;
import dev.tokensandbox.protocol.Flow;
import dev.tokensandbox.protocol.admin.FaultPlan;
import java.util.List;
import java.util.Map;

/**
 * A saved setup ({@code token-sandbox-scenario} JSON, {@code docs/scenario.schema.json}): backend
 * options, the Issue forms, the fault plan, the virtual devices, and the Expiry lab's preset with
 * its what-if changes (renewal trigger, SDK generation; null: the preset's own). {@code
 * credentials} is present only when the user opted in. The desktop writes and reads it, {@code
 * run-preset} and the JUnit extension run its lab preset; all through {@link ScenarioFile}.
 */
public record Scenario(
    String format,
    int version,
    String savedAt,
    Backend backend,
    String issueFlow,
    Map<String, Map<String, String>> issueForms,
    FaultPlan faultPlan,
    List<Device> devices,
    String labPreset,
    String labTrigger,
    String labSdk,
    Credentials credentials) {

  public static final String FORMAT = "token-sandbox-scenario";
  public static final int VERSION = 1;

  /** Backend options: where it listens and how it behaves. */
  public record Backend(int port, boolean lan, boolean demoMode, boolean ginLegacyTokens) {}

  /** A virtual device as it was made: its flow, its tokens' lifetime and its renewal trigger. */
  public record Device(Flow flow, int lifetimeSeconds, RenewalPolicy.Trigger trigger) {}

  /** The workspace's credentials, saved only on request; {@link #toString()} shows none. */
  public record Credentials(
      String appId,
      String appCertificate,
      String chatsdkJwtSecret,
      String ringnityJwtSecret,
      String ringnityApiKey,
      String chatsdkApiKey) {
    @Override
    public String toString() {
      return "Credentials[appId=" + appId + ", secrets redacted]";
    }
  }
}
