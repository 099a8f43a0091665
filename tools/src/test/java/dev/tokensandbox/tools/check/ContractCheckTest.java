package dev.tokensandbox.tools.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tokensandbox.backend.clock.SandboxTime;
import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.backend.tokens.AgoraTokenIssuer;
import dev.tokensandbox.backend.tokens.RtcRole;
import dev.tokensandbox.backend.tokens.RtcTokenRequest;
import dev.tokensandbox.backend.tokens.RtcUser;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.client.clock.CallRunner;
import dev.tokensandbox.client.clock.SandboxClock;
import dev.tokensandbox.client.clock.VirtualClock;
import dev.tokensandbox.protocol.Flow;
import io.agora.media.RtcTokenBuilder2;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract check against the sandbox itself (clean, renewal run included) and against a token
 * server written here with one defect per rule (each found and named). Virtual time: the servers'
 * token clocks and the renewal run's device follow one {@link VirtualClock}.
 */
class ContractCheckTest {
  private static final Workspace WORKSPACE = Workspace.generate(new Random(11));

  private final VirtualClock clock = new VirtualClock(Instant.now());
  private SandboxServer sandbox;
  private HttpServer broken;

  @AfterEach
  void close() {
    if (sandbox != null) {
      sandbox.close();
    }
    if (broken != null) {
      broken.stop(0);
    }
  }

  @ParameterizedTest
  @EnumSource(Flow.class)
  void theSandboxItselfIsClean(Flow flow) {
    startSandbox();
    CheckReport report = check(new CheckTarget(sandbox.url(), flow, appId(), cert(), null));

    assertThat(report.clean()).as(report.text()).isTrue();
    if (flow.isRtc()) {
      CheckStep run = last(report);
      assertThat(run.name()).isEqualTo("renewal run");
      assertThat(run.skipped()).isFalse();
      assertThat(run.passed()).isTrue();
    }
  }

  @Test
  void everyDefectOfABrokenServerIsFoundAndNamed() throws IOException {
    startBroken();
    CheckReport report = check(new CheckTarget(url(broken), Flow.SHENGWANG, appId(), cert(), null));
    String text = report.text();

    assertThat(report.clean()).isFalse();
    // Defect 1: the token comes as text/html.
    assertThat(step(report, "publisher token for a uid").findings())
        .anyMatch(f -> f.problem().contains("comes as text/html"));
    // Defect 2: the uid asked is ignored: a wildcard token.
    assertThat(step(report, "publisher token for a uid").findings())
        .anyMatch(f -> f.problem().contains("for uid \"\" (any: a wildcard); \"12345\" was asked"));
    // Defect 3: signed with another certificate.
    assertThat(step(report, "publisher token for a uid").findings())
        .anyMatch(f -> f.problem().startsWith("the signature does not verify"));
    // Defect 4: a subscriber may publish.
    assertThat(step(report, "subscriber token").findings())
        .anyMatch(f -> f.problem().equals("a subscriber's token grants publish privileges"));
    // Defect 5: no 400 without channelName.
    assertThat(step(report, "channelName is required").findings())
        .singleElement()
        .satisfies(
            f -> assertThat(f.problem()).startsWith("a request without channelName answered 200"));
    // Defect 6: 90,000 s tokens.
    assertThat(step(report, "lifetime cap (86,400 s)").findings())
        .anyMatch(f -> f.problem().contains("issued as a 90000 s token"));
    // And a device cannot stay in: the RTC service refuses the tokens.
    assertThat(last(report).findings())
        .as(text)
        .anyMatch(f -> f.problem().contains("the RTC service refused the server's token"));
    // Nothing secret in the report.
    assertThat(text + report.html()).doesNotContain(cert()).doesNotContain(OTHER_CERT);
  }

  @Test
  void aRingnityBackendIsCheckedWhileItsProviderFails() throws IOException {
    // The sandbox as your backend, its provider another sandbox the check can make fail.
    try (SandboxServer provider =
            SandboxServer.builder().workspace(WORKSPACE).port(0).log(l -> {}).start();
        SandboxServer yours =
            SandboxServer.builder()
                .workspace(WORKSPACE)
                .port(0)
                .demoMode(true)
                .providerBaseUrl(provider.url())
                .log(l -> {})
                .start()) {
      CheckReport report =
          new ContractCheck(clockOf(clock), null)
              .providerSandbox(provider.url())
              .run(new CheckTarget(yours.url(), Flow.RINGNITY, null, null, null), s -> {});

      assertThat(report.clean()).as(report.text()).isTrue();
      assertThat(step(report, "when the provider fails").request()).endsWith("→ 502");
      assertThat(step(report, "when the provider revokes the API key").request()).endsWith("→ 502");
      assertThat(provider.admin().faults().rules()).as("faults cleared after").isEmpty();
    }

    // A backend that answers 200 without a token when its provider fails.
    try (SandboxServer provider =
        SandboxServer.builder().workspace(WORKSPACE).port(0).log(l -> {}).start()) {
      broken = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      broken.createContext(
          "/ringnity/runtime-token",
          ex -> {
            ex.getRequestBody().readAllBytes();
            boolean failing = !provider.admin().faults().rules().isEmpty();
            answer(
                ex,
                200,
                "application/json",
                failing
                    ? "{\"token\":null,\"expiresIn\":0,\"tokenType\":\"Bearer\"}"
                    : "{\"token\":\"" + jwt() + "\",\"expiresIn\":900,\"tokenType\":\"Bearer\"}");
          });
      broken.start();
      CheckReport report =
          new ContractCheck(clockOf(clock), null)
              .providerSandbox(provider.url())
              .run(new CheckTarget(url(broken), Flow.RINGNITY, null, null, null), s -> {});

      assertThat(step(report, "when the provider fails").findings())
          .singleElement()
          .satisfies(
              f ->
                  assertThat(f.problem())
                      .startsWith("with the provider failing, your route answered 200"));
    }
  }

  private String jwt() {
    return new dev.tokensandbox.backend.tokens.JwtIssuer(
            WORKSPACE.ringnitySecretBytes(), clockOf(clock), new Random(1))
        .issue(dev.tokensandbox.backend.tokens.JwtKind.RINGNITY, "tscheck-user", 900)
        .token();
  }

  @Test
  void withoutCredentialsTheRenewalRunIsSkippedAndSaysWhy() {
    startSandbox();
    CheckReport report = check(new CheckTarget(sandbox.url(), Flow.GIN, null, null, null));

    assertThat(report.clean()).isTrue();
    assertThat(last(report).skipped()).isTrue();
    assertThat(last(report).note()).contains("--app-id and --certificate");
    // No silent green: the signatures it could not verify are said, in the step and the summary.
    assertThat(step(report, "signatures").skipped()).isTrue();
    assertThat(step(report, "signatures").note())
        .startsWith("not checked: the signatures of 10 token(s) were not verified");
    assertThat(report.summary())
        .isEqualTo(
            "clean: 12 checks passed, 2 skipped; signatures NOT checked (no credentials given)");

    CheckReport strict =
        new ContractCheck(clockOf(clock), null)
            .requireSignature(true)
            .run(new CheckTarget(sandbox.url(), Flow.GIN, null, null, null), s -> {});
    assertThat(strict.clean()).isFalse();
    assertThat(strict.causes())
        .extracting(CheckReport.Cause::key)
        .containsExactly("signature-not-checked");
  }

  @Test
  void reportsAreWrittenAsHtmlAndJUnitXml(@TempDir Path dir) throws IOException {
    startBroken();
    CheckReport report = check(new CheckTarget(url(broken), Flow.SHENGWANG, appId(), cert(), null));
    report.writeHtml(dir.resolve("r.html"));
    report.writeJUnit(dir.resolve("r.xml"));

    String html = Files.readString(dir.resolve("r.html"));
    assertThat(html).contains("✗ subscriber token", "Fix: ").doesNotContain("<script");
    String xml = Files.readString(dir.resolve("r.xml"));
    assertThat(xml)
        .contains(
            "tests=\"11\"",
            "name=\"channelName is required\"",
            "name=\"uid 0 (the wildcard)\"",
            "name=\"every punctuation character Agora allows\"",
            "<failure");
    assertThat(html)
        .contains("Findings, one per cause", "Target: ", "certificate: given (not shown)");
  }

  private CheckReport check(CheckTarget target) {
    RenewalRun run = new RenewalRun(new Virtual(), 40, Duration.ofSeconds(100));
    return new ContractCheck(clockOf(clock), run).run(target, step -> {});
  }

  private static CheckStep step(CheckReport r, String name) {
    return r.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static CheckStep last(CheckReport r) {
    return r.steps().get(r.steps().size() - 1);
  }

  private void startSandbox() {
    sandbox =
        SandboxServer.builder()
            .workspace(WORKSPACE)
            .time(SandboxTime.following(clock::now))
            .port(0)
            .demoMode(true)
            .log(line -> {})
            .start();
  }

  private static final String OTHER_CERT = "0123456789abcdef0123456789abcdef";

  /**
   * A Shengwang token route with six defects: text/html, the uid ignored (wildcard), another
   * certificate, a subscriber that may publish, no 400 without channelName, no 24 h cap.
   */
  private void startBroken() throws IOException {
    AgoraTokenIssuer issuer =
        new AgoraTokenIssuer(
            new dev.tokensandbox.backend.tokens.AgoraCredentials(appId(), OTHER_CERT),
            clockOf(clock),
            new Random(3));
    broken = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    broken.createContext(
        "/api/agora/token",
        ex -> {
          Map<String, String> q = query(ex.getRequestURI());
          String channel = q.getOrDefault("channelName", "");
          int expire = Integer.parseInt(q.getOrDefault("expireSeconds", "3600"));
          String token;
          if (expire > 86_400) {
            token =
                new RtcTokenBuilder2()
                    .buildTokenWithUid(
                        appId(),
                        OTHER_CERT,
                        channel,
                        0,
                        RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                        expire,
                        expire);
          } else {
            token =
                issuer
                    .rtc(
                        RtcTokenRequest.forRole(
                            channel, RtcUser.uid(0), RtcRole.PUBLISHER, expire, expire))
                    .token();
          }
          answer(ex, 200, "text/html", token);
        });
    broken.start();
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        out.put(
            pair.substring(0, eq),
            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void answer(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(bytes);
    }
  }

  private static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static String appId() {
    return WORKSPACE.appId();
  }

  private static String cert() {
    return WORKSPACE.appCertificate();
  }

  private static Clock clockOf(VirtualClock v) {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return v.now();
      }
    };
  }

  /** The renewal run in virtual time: calls inline, waiting is advancing the clock. */
  private final class Virtual implements RenewalRun.Time {
    @Override
    public SandboxClock clock() {
      return clock;
    }

    @Override
    public CallRunner runner() {
      return CallRunner.inline(clock, Duration.ofMillis(50));
    }

    @Override
    public void await(Duration d) {
      clock.advanceBy(d);
    }
  }
}
