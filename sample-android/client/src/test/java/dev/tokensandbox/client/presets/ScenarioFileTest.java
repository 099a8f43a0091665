package dev.tokensandbox.client.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensandbox.client.session.RenewalPolicy;
import dev.tokensandbox.protocol.Flow;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scenario file's one reader and writer: what it writes it reads back; what it refuses, why.
 */
class ScenarioFileTest {
  private static final String HEAD = "{\"format\":\"token-sandbox-scenario\",\"version\":1,";

  @Test
  void whatIsWrittenReadsBackWholeWithoutTheMembersLeftOut() {
    Scenario scenario =
        new Scenario(
            Scenario.FORMAT,
            Scenario.VERSION,
            "2026-12-07T12:00:00Z",
            new Scenario.Backend(0, true, false, true),
            "GIN_RTC",
            Map.of("GIN_RTC", Map.of("channel", "α & <b>")),
            new FaultPlan(
                3,
                List.of(
                    FaultRule.always("agora.rtc", Fault.STATUS, 503),
                    new FaultRule("*", Fault.SHORT_LIFETIME, 20, 1.0, "virtual-2"))),
            List.of(new Scenario.Device(Flow.CHATSDK, 45, RenewalPolicy.Trigger.REQUEST_TOKEN)),
            "short-lifetime",
            null,
            "V3",
            null);

    String json = ScenarioFile.write(scenario);

    assertThat(ScenarioFile.read(json)).isEqualTo(scenario);
    assertThat(json)
        .contains("\"fault\": \"SHORT_LIFETIME\"", "α & <b>")
        .doesNotContain("labTrigger", "credentials", "null");
  }

  @Test
  void refusalsNameTheFieldAndTheRule() {
    assertThat(refusal("[]")).isEqualTo("not a scenario: the file is not a JSON object");
    assertThat(refusal("{\"format\":\n \"token-sandbox-scenario\",,"))
        .isEqualTo("not a scenario: the file is not valid JSON at line 2, column 27");
    assertThat(refusal("{\"format\":\"other\"}"))
        .isEqualTo("not a scenario: format is 'other', expected 'token-sandbox-scenario'");
    assertThat(refusal("{\"format\":\"token-sandbox-scenario\",\"version\":2}"))
        .isEqualTo("scenario version 2 is not one this sandbox reads (1)");
    assertThat(refusal(HEAD + "\"labTrigger\":\"SOON\"}"))
        .isEqualTo("labTrigger: 'SOON' is not one of WILL_EXPIRE, REQUEST_TOKEN, BOTH");
    assertThat(refusal(HEAD + "\"labSdk\":\"V5\"}")).startsWith("labSdk: 'V5' is not one of");
    assertThat(
            refusal(
                HEAD
                    + "\"devices\":[{\"flow\":\"GIN\",\"lifetimeSeconds\":90,\"trigger\":\"X\"}]}"))
        .isEqualTo("devices[0].trigger: 'X' is not one of WILL_EXPIRE, REQUEST_TOKEN, BOTH");
    assertThat(refusal(HEAD + "\"devices\":[{\"flow\":\"GIN\",\"lifetimeSeconds\":\"ninety\"}]}"))
        .startsWith("devices[0].lifetimeSeconds: ");
    assertThat(
            refusal(
                HEAD
                    + "\"faultPlan\":{\"seed\":1,\"rules\":[{\"route\":\"*\",\"fault\":\"STATUS\","
                    + "\"value\":1,\"probability\":1}]}}"))
        .startsWith("faultPlan.rules[0].value: STATUS needs one of");
    assertThat(refusal(HEAD + "\"faultPlan\":{\"rules\":[{\"route\":\"*\",\"fault\":\"SOON\"}]}}"))
        .startsWith("faultPlan.rules[0].fault: 'SOON' is not one of LATENCY");
    assertThat(refusal(HEAD + "\"labPreset\":\"no-such-preset\"}"))
        .isEqualTo("labPreset: 'no-such-preset' is not a preset this sandbox has");
  }

  @Test
  void aRuleWithoutAProbabilityAlwaysApplies() {
    Scenario scenario =
        ScenarioFile.read(
            HEAD
                + "\"faultPlan\":{\"rules\":[{\"route\":\"agora.rtc\",\"fault\":\"STATUS\","
                + "\"value\":503}]}}");
    assertThat(scenario.faultPlan().rules())
        .containsExactly(FaultRule.always("agora.rtc", Fault.STATUS, 503));
  }

  @Test
  void aHeadlessRunTakesTheLabPresetWithItsWhatIf() {
    QaPreset preset =
        SavedScenario.labPreset(
            HEAD + "\"labPreset\":\"renew-after-kick\",\"labTrigger\":\"REQUEST_TOKEN\"}");
    assertThat(preset.id()).isEqualTo("renew-after-kick");
    assertThat(preset.policy().trigger()).isEqualTo(RenewalPolicy.Trigger.REQUEST_TOKEN);
    assertThatThrownBy(() -> SavedScenario.labPreset(HEAD + "\"savedAt\":\"now\"}"))
        .hasMessageStartingWith("the scenario has no lab preset");
  }

  private static String refusal(String json) {
    try {
      ScenarioFile.read(json);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    throw new AssertionError("read without a refusal: " + json);
  }
}
