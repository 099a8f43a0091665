package dev.tokensandbox.client.presets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.client.session.EventKind;
import dev.tokensandbox.client.session.TimelineEvent;
import dev.tokensandbox.client.testing.LiveBackend;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every QA preset, run against the real mock backend in virtual time, yields its timeline. */
class PresetsTest {
  private static LiveBackend backend;

  @BeforeAll
  static void start() {
    backend = new LiveBackend();
  }

  @AfterAll
  static void stop() {
    backend.close();
  }

  static Stream<QaPreset> presets() {
    return Presets.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("presets")
  void presetProducesItsExpectedTimeline(QaPreset preset) {
    PresetResult result = PresetRun.runToEnd(preset, backend.clock, backend.client);

    assertThat(result.failures()).as(result.render()).isEmpty();
    assertThat(result.events()).isNotEmpty();
    assertThat(backend.server.admin().faults().rules()).as("faults reset after the run").isEmpty();
    assertThat(backend.server.admin().settings().ginLegacyTokens()).isFalse();
  }

  /**
   * Presets written for 4.x whose app recovers from a kick (renewToken, then a rejoin): run as a
   * 3.x app, which leaves and joins again instead, and judged as one.
   */
  static Stream<QaPreset> kickedOn4x() {
    return Presets.all().stream()
        .filter(p -> p.flow().isRtc() && p.policy().sdk().renewRejoins())
        .filter(
            p ->
                p.expected().stream()
                    .anyMatch(
                        e ->
                            e.kind() == dev.tokensandbox.client.session.EventKind.REJOINED
                                && e.type() == Expect.Type.ORDERED));
  }

  @ParameterizedTest(name = "{0} on 3.x")
  @MethodSource("kickedOn4x")
  void aWhatIfOnA3xSdkIsJudgedByWhatA3xAppDoes(QaPreset preset) {
    QaPreset on3x = preset.withWhatIf(null, dev.tokensandbox.client.rtc.SdkProfile.V3);

    PresetResult result = PresetRun.runToEnd(on3x, backend.clock, backend.client);

    assertThat(result.failures()).as(result.render()).isEmpty();
    assertThat(preset.expected()).as("the 4.x expectations").isNotEqualTo(on3x.expected());
    assertThat(on3x.expected())
        .noneMatch(
            e ->
                e.kind() == dev.tokensandbox.client.session.EventKind.REJOINED
                    && e.type() == Expect.Type.ORDERED);
  }

  @Test
  void everyDesignScenarioHasAPresetWithAUniqueId() {
    List<QaPreset> all = Presets.all();
    Set<String> ids = new HashSet<>();
    all.forEach(p -> assertThat(ids.add(p.id())).as("duplicate id " + p.id()).isTrue());
    assertThat(ids)
        .contains(
            "wrong-identity-renew",
            "short-lifetime",
            "join-shorter-than-publish",
            "backend-down-backoff",
            "backend-down-retry-storm",
            "legacy-006-token",
            "device-clock-skew",
            "server-clock-skew",
            "token-over-24h",
            "renew-after-kick",
            "duplicate-fetches",
            "provider-key-revoked");
    all.forEach(p -> assertThat(p.expected()).as(p.id()).isNotEmpty());
  }

  @Test
  void aPresetRunIsRepeatable() {
    QaPreset preset = Presets.byId("backend-down-backoff").orElseThrow();
    List<String> first = shape(PresetRun.runToEnd(preset, backend.clock, backend.client));
    List<String> second = shape(PresetRun.runToEnd(preset, backend.clock, backend.client));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void aWrongExpectationFailsWithAReadableReason() {
    QaPreset real = Presets.byId("token-over-24h").orElseThrow();
    QaPreset wrong =
        new QaPreset(
            real.id(),
            real.title(),
            real.description(),
            real.flow(),
            real.who(),
            real.policy(),
            real.latency(),
            real.deviceSkew(),
            real.runFor(),
            real.steps(),
            List.of(Expect.event(EventKind.JOINED), Expect.never(EventKind.FETCH_FAILED)));
    PresetResult result = PresetRun.runToEnd(wrong, backend.clock, backend.client);
    assertThat(result.passed()).isFalse();
    assertThat(result.failures())
        .containsExactly(
            "expected JOINED after the start, not found", "expected no FETCH_FAILED, saw 1");
  }

  private static List<String> shape(PresetResult result) {
    return result.events().stream()
        .map(
            (TimelineEvent e) ->
                result.offset(e)
                    + " "
                    + e.kind()
                    + " "
                    + e.detail().replaceAll("tok:[0-9a-f]{8}", "tok"))
        .toList();
  }
}
