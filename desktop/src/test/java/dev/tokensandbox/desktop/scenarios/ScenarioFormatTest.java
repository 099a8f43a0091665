package dev.tokensandbox.desktop.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.client.presets.Scenario;
import dev.tokensandbox.client.session.RenewalPolicy;
import dev.tokensandbox.protocol.Flow;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import dev.tokensandbox.tools.cli.ScenarioSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the desktop writes (through the client core's ScenarioFile) is what
 * docs/scenario.schema.json says, so run-preset (which enforces the schema) reads every scenario
 * the desktop saves, and the one reader gives back what was written.
 */
class ScenarioFormatTest {
  @TempDir Path dir;

  @Test
  void aScenarioWithEveryPartFollowsTheSchema() throws Exception {
    Scenario full =
        new Scenario(
            Scenario.FORMAT,
            Scenario.VERSION,
            "2026-12-06T12:00:00Z",
            new Scenario.Backend(8080, false, true, false),
            "SHENGWANG_RTC",
            Map.of("SHENGWANG_RTC", Map.of("channelName", "test", "uid", "1")),
            new FaultPlan(
                7,
                List.of(
                    FaultRule.always("agora.rtc", Fault.STATUS, 503),
                    new FaultRule("gin.*", Fault.LATENCY, 200, 0.5, "virtual-1"))),
            List.of(new Scenario.Device(Flow.GIN, 90, RenewalPolicy.Trigger.BOTH)),
            "renew-after-kick",
            "REQUEST_TOKEN",
            "V3",
            ScenariosViewModel.credentials(Workspace.generate(new Random(3))));
    Path file = dir.resolve("full.json");

    new ScenarioStore(dir).save(file.toString(), full);

    assertThat(ScenarioSchema.problem(Files.readString(file))).isEmpty();
    assertThat(new ScenarioStore(dir).load(file.toString())).as("read back whole").isEqualTo(full);
  }

  @Test
  void aBrokenScenarioIsRefusedNamingTheField() {
    assertThat(
            ScenarioSchema.problem(
                "{\"format\":\"token-sandbox-scenario\",\"version\":1,\"labPreset\":\"x\","
                    + "\"labSdk\":\"V5\"}"))
        .hasValueSatisfying(p -> assertThat(p).startsWith("labSdk: "));
  }
}
