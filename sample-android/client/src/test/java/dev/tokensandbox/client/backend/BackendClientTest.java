package dev.tokensandbox.client.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.client.admin.SandboxAdminClient;
import dev.tokensandbox.client.testing.LiveBackend;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every typed outcome from the real mock backend, faults from its fault plan. */
class BackendClientTest {
  private static final RtcTokenQuery WHO = RtcTokenQuery.uid("lab", 1001, true, 600);

  private final LiveBackend backend = new LiveBackend();
  private final BackendClient client = backend.client;
  private final SandboxAdminClient control = new SandboxAdminClient(client);

  @AfterEach
  void stop() {
    backend.close();
  }

  @Test
  void loginAndEachSeedFlowSucceed() {
    CustomerSession session = client.login("alice", "alice-demo").successValue().orElseThrow();
    assertThat(session.userId()).isEqualTo("user-123");
    assertThat(session.expiresInSeconds()).isEqualTo(8 * 3600);

    FetchedToken shengwang = client.shengwangRtc(WHO, null).successValue().orElseThrow();
    assertThat(shengwang.token()).startsWith("007");
    assertThat(shengwang.expiresInSeconds()).isEqualTo(-1);

    FetchedToken gin =
        client
            .ginRtc(RtcTokenQuery.account("lab", "bob", false, 120), session)
            .successValue()
            .orElseThrow();
    assertThat(gin.token()).startsWith("007");

    FetchedToken ringnity =
        client.ringnity("customer-123", "Demo", "d@example.com", null).successValue().orElseThrow();
    assertThat(ringnity.token()).startsWith("eyJhbGciOiJIUzI1NiJ9.");
    assertThat(ringnity.expiresInSeconds()).isEqualTo(900);

    FetchedToken chat = client.chatSdk(session).successValue().orElseThrow();
    assertThat(chat.token()).startsWith("eyJ");
    assertThat(chat.companion()).startsWith("eyJ").isNotEqualTo(chat.token());
  }

  @Test
  void aTypedRouteAnswersWithItsTokenWhateverTheAnswersShape() {
    CustomerSession session = client.login("alice", "alice-demo").successValue().orElseThrow();
    // A bare token, {rtcToken}, {token}: each route's own shape.
    assertThat(client.token("GET", "/api/agora/token?channelName=lab&uid=7", null, null))
        .isInstanceOfSatisfying(
            Outcome.Success.class, ok -> assertThat((String) ok.value()).startsWith("007"));
    assertThat(client.token("GET", "/rtc/lab/publisher/uid/7/", null, null))
        .isInstanceOfSatisfying(
            Outcome.Success.class, ok -> assertThat((String) ok.value()).startsWith("007"));
    assertThat(client.token("POST", "/api/auth/chat-token", "{}", session))
        .isInstanceOfSatisfying(
            Outcome.Success.class, ok -> assertThat((String) ok.value()).contains("."));
    // An answer without a token, and a refusal that names its field.
    assertThat(client.token("GET", "/sandbox/health", null, null))
        .isInstanceOfSatisfying(
            Outcome.Malformed.class,
            m -> assertThat(m.problem()).isEqualTo("the answer holds no token"));
    assertThat(client.token("GET", "/api/agora/token?channelName=lab&uid=-4", null, null))
        .isInstanceOfSatisfying(
            Outcome.ClientError.class, e -> assertThat(e.field()).isEqualTo("uid"));
  }

  @Test
  void aHostTheDevicesPolicyRefusesIsAFinalAnswerNotARetry() {
    // What Android's network security config does to cleartext HTTP: OkHttp refuses the host
    // before connecting. A client allowed TLS only is the same refusal on the JVM.
    okhttp3.OkHttpClient tlsOnly =
        LiveBackend.sharedHttp()
            .newBuilder()
            .connectionSpecs(java.util.List.of(okhttp3.ConnectionSpec.MODERN_TLS))
            .build();
    Outcome<FetchedToken> refused = backend.client(tlsOnly).shengwangRtc(WHO, null);
    assertThat(refused)
        .isInstanceOfSatisfying(
            Outcome.NetworkError.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Outcome.NetworkError.Kind.REFUSED);
              assertThat(e.message()).contains("refuses cleartext HTTP");
            });
    assertThat(refused.isRetryable()).isFalse();
  }

  @Test
  void theRtcServiceVerdictIsASuccessEvenWhenItRejects() {
    String token = client.shengwangRtc(WHO, null).successValue().orElseThrow().token();
    RtcCheck ok = client.rtcJoin(token, WHO).successValue().orElseThrow();
    assertThat(ok.code()).isZero();
    assertThat(ok.tokenExpiresAt()).isEqualTo(LiveBackend.START.plusSeconds(600));
    assertThat(ok.serverTime()).isEqualTo(LiveBackend.START);
    assertThat(ok.privilegeExpiresAt()).containsKeys("joinChannel", "publishAudioStream");

    Outcome<RtcCheck> other = client.rtcRenew(token, RtcTokenQuery.uid("lab", 7, true, 600));
    assertThat(other).isInstanceOf(Outcome.Success.class);
    assertThat(other.successValue().orElseThrow().code()).isEqualTo(RtcCheck.INVALID_TOKEN);
    assertThat(other.successValue().orElseThrow().reason())
        .isEqualTo("token is for uid 1001, not uid 7");
  }

  @Test
  void unauthenticated() {
    assertThat(client.login("alice", "wrong"))
        .isInstanceOfSatisfying(
            Outcome.Unauthenticated.class, u -> assertThat(u.status()).isEqualTo(401));
    Outcome<FetchedToken> noSession = client.chatSdk(null);
    assertThat(noSession).isInstanceOf(Outcome.Unauthenticated.class);
    assertThat(noSession.describe()).contains("log in first");
    assertThat(noSession.isRetryable()).isFalse();
  }

  @Test
  void clientErrorNamesTheField() {
    Outcome<FetchedToken> bad =
        client.shengwangRtc(RtcTokenQuery.uid("lab", 1, true, 90_000), null);
    assertThat(bad)
        .isInstanceOfSatisfying(
            Outcome.ClientError.class,
            c -> {
              assertThat(c.status()).isEqualTo(400);
              assertThat(c.field()).isEqualTo("expireSeconds");
              assertThat(c.retryAfter()).isNull();
            });
    assertThat(bad.isRetryable()).isFalse();
  }

  @Test
  void rateLimitIsARetryableClientErrorWithRetryAfter() {
    CustomerSession session = client.login("alice", "alice-demo").successValue().orElseThrow();
    for (int i = 0; i < 10; i++) {
      assertThat(client.chatSdk(session).isSuccess()).isTrue();
    }
    Outcome<FetchedToken> limited = client.chatSdk(session);
    assertThat(limited)
        .isInstanceOfSatisfying(
            Outcome.ClientError.class,
            c -> {
              assertThat(c.status()).isEqualTo(429);
              assertThat(c.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
            });
    assertThat(limited.isRetryable()).isTrue();
  }

  @Test
  void serverError() {
    control.setFaults(FaultPlan.of(FaultRule.always("agora.rtc", Fault.STATUS, 503)));
    Outcome<FetchedToken> down = client.shengwangRtc(WHO, null);
    assertThat(down)
        .isInstanceOfSatisfying(
            Outcome.ServerError.class, s -> assertThat(s.status()).isEqualTo(503));
    assertThat(down.isRetryable()).isTrue();

    control.setFaults(FaultPlan.of(FaultRule.always("ringnity.provider", Fault.REVOKED_KEY, 0)));
    assertThat(client.ringnity("customer-123", "Demo", "d@example.com", null))
        .isInstanceOfSatisfying(
            Outcome.ServerError.class, s -> assertThat(s.status()).isEqualTo(502));
  }

  @Test
  void malformedAnswers() {
    control.setFaults(FaultPlan.of(FaultRule.always("agora.rtc", Fault.EMPTY_BODY, 0)));
    assertThat(client.shengwangRtc(WHO, null).describe())
        .isEqualTo("malformed response (200): empty body");

    control.setFaults(FaultPlan.of(FaultRule.always("agora.rtc", Fault.MALFORMED_JSON, 0)));
    assertThat(client.shengwangRtc(WHO, null).describe())
        .contains("malformed", "not an Agora token");

    control.setFaults(FaultPlan.of(FaultRule.always("gin.rtc", Fault.MALFORMED_JSON, 0)));
    assertThat(client.ginRtc(WHO, null)).isInstanceOf(Outcome.Malformed.class);

    control.setFaults(FaultPlan.of(FaultRule.always("ringnity.runtime", Fault.EMPTY_BODY, 0)));
    Outcome<FetchedToken> empty = client.ringnity("customer-123", "Demo", "d@example.com", null);
    assertThat(empty).isInstanceOf(Outcome.Malformed.class);
    assertThat(empty.isRetryable()).isTrue();
  }

  @Test
  void aConnectionTheServerClosedWhileIdleIsNotAFailure() {
    // Its own pool, so that exactly one connection is pooled and reused.
    okhttp3.OkHttpClient http = BackendClient.defaultHttpClient();
    BackendClient mine = backend.client(http);
    assertThat(mine.shengwangRtc(WHO, null).isSuccess()).isTrue();
    assertThat(http.connectionPool().idleConnectionCount()).isEqualTo(1);

    // What Jetty's idle timeout does after a quiet minute; the client still pools the connection.
    backend.closeIdleConnections(1);
    assertThat(http.connectionPool().idleConnectionCount()).isEqualTo(1);
    Outcome<FetchedToken> get = mine.shengwangRtc(WHO, null);
    assertThat(get.isSuccess()).as(get.describe()).isTrue();

    backend.closeIdleConnections(1);
    Outcome<CustomerSession> post = mine.login("alice", "alice-demo");
    assertThat(post.isSuccess()).as(post.describe()).isTrue();

    // Each request reached the server once: the retry only resent what was never delivered.
    assertThat(backend.awaitJournaled("auth.login", 1)).isEqualTo(1);
    assertThat(backend.awaitJournaled("agora.rtc", 2)).isEqualTo(2);
  }

  @Test
  void theKeepAliveEndsWellBeforeTheServersIdleTimeout() {
    assertThat(BackendClient.KEEP_ALIVE.multipliedBy(2))
        .isLessThanOrEqualTo(dev.tokensandbox.backend.server.SandboxServer.IDLE_TIMEOUT);
  }

  @Test
  void connectionResetAndUnreachableAreNetworkErrors() throws IOException {
    control.setFaults(FaultPlan.of(FaultRule.always("agora.rtc", Fault.CONNECTION_RESET, 0)));
    // The fault plan went over the same pooled connection this request reuses: a client that
    // retried the dropped answer would hide the fault or report it twice.
    assertThat(client.shengwangRtc(WHO, null))
        .isInstanceOfSatisfying(
            Outcome.NetworkError.class,
            n -> assertThat(n.kind()).isEqualTo(Outcome.NetworkError.Kind.CONNECTION));
    backend.awaitJournaled("agora.rtc", 1);
    assertThat(client.login("alice", "alice-demo").isSuccess()).isTrue();
    backend.awaitJournaled("auth.login", 1);
    assertThat(backend.journaled("agora.rtc")).isEqualTo(1);
    assertThat(
            backend.server.admin().journal(10).entries().stream()
                .filter(e -> e.route().equals("agora.rtc"))
                .findFirst()
                .orElseThrow()
                .status())
        .isEqualTo(499);

    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    BackendClient nowhere =
        BackendClient.builder("http://127.0.0.1:" + closedPort)
            .httpClient(LiveBackend.sharedHttp())
            .build();
    Outcome<CustomerSession> refused = nowhere.login("alice", "alice-demo");
    assertThat(refused)
        .isInstanceOfSatisfying(
            Outcome.NetworkError.class,
            n -> assertThat(n.kind()).isEqualTo(Outcome.NetworkError.Kind.CONNECTION));
    assertThat(refused.isRetryable()).isTrue();
  }

  @Test
  void aSlowBackendTimesOut() {
    control.setFaults(FaultPlan.of(FaultRule.always("agora.rtc", Fault.LATENCY, 5_000)));
    BackendClient impatient =
        backend.client(
            LiveBackend.sharedHttp().newBuilder().readTimeout(300, TimeUnit.MILLISECONDS).build());
    assertThat(impatient.shengwangRtc(WHO, null))
        .isInstanceOfSatisfying(
            Outcome.NetworkError.class,
            n -> assertThat(n.kind()).isEqualTo(Outcome.NetworkError.Kind.TIMEOUT));
  }

  @Test
  void logsNameFingerprintsNeverTokensOrBearers() {
    CustomerSession session = client.login("alice", "alice-demo").successValue().orElseThrow();
    FetchedToken chat = client.chatSdk(session).successValue().orElseThrow();
    FetchedToken rtc = client.shengwangRtc(WHO, session).successValue().orElseThrow();
    String log = String.join("\n", backend.clientLog) + session + chat + rtc;

    assertThat(log)
        .contains(chat.fingerprint(), rtc.fingerprint(), "POST /api/auth/chat-token → ok (200)");
    assertThat(log)
        .doesNotContain(session.bearer())
        .doesNotContain(chat.token())
        .doesNotContain(chat.companion())
        .doesNotContain(rtc.token())
        .doesNotContain("alice-demo");
  }

  @Test
  void aBadBaseUrlIsRefusedUpFront() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> BackendClient.builder("10.0.2.2:8080"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an http(s) URL: 10.0.2.2:8080");
  }
}
