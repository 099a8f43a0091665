package dev.tokensandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tokensandbox.client.presets.PresetResult;
import dev.tokensandbox.client.presets.Presets;
import dev.tokensandbox.client.session.RenewalPolicy;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultRule;
import dev.tokensandbox.protocol.admin.SandboxAdmin.ClockChange;
import dev.tokensandbox.protocol.admin.SandboxAdmin.SettingsChange;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension as JUnit runs it (the platform's test kit runs the inner classes as an integrator's
 * build would): one sandbox per class, reset before each test, stopped after the class; seeds
 * decide the credentials; presets and scenarios give verdicts.
 */
class SandboxExtensionTest {
  static final List<String> seen = new ArrayList<>();

  @Test
  void oneSandboxPerClassResetBeforeEachTestAndStoppedAfterIt() {
    seen.clear();
    Events tests = run(Ordered.class);

    tests.assertStatistics(s -> s.succeeded(3).failed(0));
    assertThat(seen).hasSize(3);
    String url = seen.get(0);
    assertThat(seen).allMatch(url::equals);
    int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .as("the sandbox is stopped after the class")
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void anInstanceFieldGivesEachTestItsOwnSandbox() {
    seen.clear();
    run(PerTest.class).assertStatistics(s -> s.succeeded(2).failed(0));

    assertThat(seen).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void theSameSeedGivesTheSameCredentials() {
    seen.clear();
    run(Seeded.class).assertStatistics(s -> s.succeeded(1));
    run(Seeded.class).assertStatistics(s -> s.succeeded(1));

    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).isEqualTo(seen.get(1)).isNotEqualTo("null");
  }

  @Test
  void aFailingPresetIsAFailedVerdictWithItsReasons() {
    SandboxExtension extension = SandboxExtension.builder().seed(1).build();
    try (Sandbox sandbox = startStandalone(extension)) {
      // The late app renewing only on will-expire, made to ignore the kick: it stays out.
      PresetResult result =
          sandbox.runPreset(
              Presets.byId("join-shorter-than-publish")
                  .orElseThrow()
                  .withPolicy(
                      RenewalPolicy.recommended().withTrigger(RenewalPolicy.Trigger.WILL_EXPIRE)));

      assertThat(result.passed()).isFalse();
      assertThat(result.failures()).isNotEmpty();
      assertThat(sandbox.runPreset("join-shorter-than-publish").passed()).isTrue();
      assertThatThrownBy(() -> sandbox.runPreset("no-such-preset"))
          .hasMessageStartingWith("no QA preset 'no-such-preset': known presets are")
          .hasMessageContaining("renew-after-kick");
    }
  }

  @Test
  void aSavedScenarioRunsItsLabPreset(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.json");
    Files.writeString(
        good,
        "{\"format\":\"token-sandbox-scenario\",\"version\":1,"
            + "\"labPreset\":\"renew-after-kick\",\"issueFlow\":\"SHENGWANG\"}");
    Path none = dir.resolve("none.json");
    Files.writeString(none, "{\"format\":\"token-sandbox-scenario\",\"version\":1}");
    Path other = dir.resolve("other.json");
    Files.writeString(other, "{\"format\":\"token-sandbox-bug-report\",\"version\":2}");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"format\":");

    try (Sandbox sandbox = startStandalone(SandboxExtension.builder().build())) {
      PresetResult result = sandbox.runScenario(good);
      assertThat(result.passed()).as(result.render()).isTrue();
      assertThat(result.preset().id()).isEqualTo("renew-after-kick");

      assertThatThrownBy(() -> sandbox.runScenario(none))
          .hasMessage(
              none
                  + ": the scenario has no lab preset: choose one in the Expiry lab,"
                  + " then save the scenario");
      assertThatThrownBy(() -> sandbox.runScenario(other))
          .hasMessage(
              other
                  + ": not a scenario: format is 'token-sandbox-bug-report',"
                  + " expected 'token-sandbox-scenario'");
      assertThatThrownBy(() -> sandbox.runScenario(broken))
          .hasMessageStartingWith(
              broken + ": not a scenario: the file is not valid JSON at line 1");
    }
  }

  @Test
  void resetUndoesFaultsSettingsClockAndJournal() {
    try (Sandbox sandbox = startStandalone(SandboxExtension.builder().build())) {
      sandbox.admin().addFault(FaultRule.always("*", Fault.STATUS, 503));
      sandbox.admin().updateSettings(SettingsChange.ginLegacyTokens(true));
      sandbox.admin().setClock(new ClockChange(false, 3600L, null));
      sandbox.client().login("alice", "alice-demo");

      sandbox.reset();

      assertThat(sandbox.admin().faults().rules()).isEmpty();
      assertThat(sandbox.admin().settings().ginLegacyTokens()).isFalse();
      assertThat(sandbox.admin().clock().offsetSeconds()).isZero();
      assertThat(sandbox.admin().journal(10).entries()).isEmpty();
    }
  }

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(testClass))
        .execute()
        .testEvents();
  }

  private static Sandbox startStandalone(SandboxExtension extension) {
    extension.beforeEach(null);
    return extension.sandbox();
  }

  // ---- classes run by the test kit (not on their own: they are nested, not @Nested) ----------

  @SandboxTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class Ordered {
    @Test
    @Order(1)
    void setsAFault(Sandbox sandbox) {
      seen.add(sandbox.baseUrl());
      sandbox.admin().addFault(FaultRule.always("*", Fault.STATUS, 503));
      assertThat(sandbox.admin().faults().rules()).hasSize(1);
    }

    @Test
    @Order(2)
    void seesNoFault(Sandbox sandbox) {
      seen.add(sandbox.baseUrl());
      assertThat(sandbox.admin().faults().rules()).isEmpty();
    }

    @Test
    @Order(3)
    void seesAnEmptyJournal(Sandbox sandbox) {
      seen.add(sandbox.baseUrl());
      assertThat(sandbox.admin().journal(10).entries()).isEmpty();
    }
  }

  @Test
  void timeGoesBackToRealBeforeEachTestAndTokensFaultsAndRequestsNeedNoBackendType() {
    run(TimeAndTokens.class).assertStatistics(s -> s.succeeded(3).failed(0));
  }

  @SandboxTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class TimeAndTokens {
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    static java.net.http.HttpResponse<String> get(Sandbox sandbox, String path) throws Exception {
      return HTTP.send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl() + path))
              .build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void aTokenExpiresWhenTheSandboxsTimeMovesPastIt(Sandbox sandbox) throws Exception {
      String token =
          get(sandbox, "/api/agora/token?channelName=c&uid=7&expireSeconds=60").body().strip();
      TokenView view = sandbox.decode(token);
      assertThat(view.valid()).isTrue();
      assertThat(view.services()).containsExactly("rtc");
      assertThat(view.channel()).isEqualTo("c");
      assertThat(view.uid()).isEqualTo("7");
      assertThat(view.expiredAt(sandbox.now())).isFalse();

      sandbox.advance(java.time.Duration.ofSeconds(65));

      assertThat(sandbox.clock().instant()).isEqualTo(sandbox.now());
      assertThat(view.expiredAt(sandbox.clock().instant())).isTrue();
      assertThat(sandbox.decode(token).lint()).contains("TOKEN_EXPIRED");
      assertThat(sandbox.decode("not a token").decoded()).isFalse();
    }

    @Test
    @Order(2)
    void theNextTestStartsAtTheRealTime(Sandbox sandbox) {
      java.time.Instant real = java.time.Clock.systemUTC().instant();
      assertThat(java.time.Duration.between(real, sandbox.now()).abs())
          .isLessThan(java.time.Duration.ofSeconds(5));
    }

    @Test
    @Order(3)
    void aFaultIsSeenAndListed(Sandbox sandbox) throws Exception {
      sandbox.injectFault("agora.rtc", "STATUS", 503);
      assertThat(get(sandbox, "/api/agora/token?channelName=c&uid=7").statusCode()).isEqualTo(503);
      sandbox.clearFaults();
      assertThat(get(sandbox, "/api/agora/token?channelName=c&uid=7").statusCode()).isEqualTo(200);

      assertThat(sandbox.requests())
          .containsExactly(
              "GET /api/agora/token?channelName=c&uid=7 → 503",
              "GET /api/agora/token?channelName=c&uid=7 → 200");
      assertThatThrownBy(() -> sandbox.injectFault("*", "EXPLODE", 1))
          .hasMessageStartingWith("fault: EXPLODE is not one of");
    }
  }

  static class PerTest {
    @RegisterExtension SandboxExtension sandbox = SandboxExtension.builder().build();

    @Test
    void one() {
      seen.add(sandbox.baseUrl());
    }

    @Test
    void two() {
      seen.add(sandbox.baseUrl());
    }
  }

  @SandboxTest(seed = 42)
  static class Seeded {
    @Test
    void credentials(Sandbox sandbox) {
      seen.add(sandbox.workspace().appId() + "/" + sandbox.workspace().appCertificate());
    }
  }
}
