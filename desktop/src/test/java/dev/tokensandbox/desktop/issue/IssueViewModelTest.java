package dev.tokensandbox.desktop.issue;

import static dev.tokensandbox.desktop.testing.SandboxUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.desktop.host.BackendClients;
import dev.tokensandbox.desktop.host.BackendHost;
import dev.tokensandbox.desktop.tasks.TaskExecutor;
import dev.tokensandbox.desktop.testing.HostUnderTest;
import dev.tokensandbox.desktop.testing.SandboxUnderTest;
import dev.tokensandbox.desktop.tokens.TokenReader;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Issue screen's model against a real backend on port 0, no FX toolkit. Its I/O runs on the
 * calling thread (a same-thread executor for both I/O and UI), so each {@code issue()} has answered
 * when it returns: nothing polls.
 */
class IssueViewModelTest {
  private static final TaskExecutor SAME_THREAD = TaskExecutor.currentThread();

  private HostUnderTest backend;
  private BackendHost host;
  private final BackendClients clients = new BackendClients();
  private IssueViewModel model;
  private SandboxServer server;

  /** The reader's clock: real time, moved on by hand to see the countdowns follow. */
  private final java.util.concurrent.atomic.AtomicReference<java.time.Duration> ahead =
      new java.util.concurrent.atomic.AtomicReference<>(java.time.Duration.ZERO);

  private final Clock readerClock =
      new Clock() {
        @Override
        public java.time.ZoneId getZone() {
          return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public java.time.Instant instant() {
          return Clock.systemUTC().instant().plus(ahead.get());
        }
      };

  @BeforeEach
  void open() {
    backend = new HostUnderTest();
    host = backend.host;
    server = backend.server;
    model =
        new IssueViewModel(
            host,
            new TokenIssuer(clients, IssueViewModel.CLIENT),
            SAME_THREAD,
            new TokenReader(SandboxUnderTest.WORKSPACE, readerClock));
  }

  @Test
  void theIssuedTokensCountdownFollowsTheClock() {
    model.value(IssueFlow.SHENGWANG_RTC, "expireSeconds").set("3600");
    assertThat(issue(IssueFlow.SHENGWANG_RTC)).startsWith("Issued");
    var first = model.reportProperty().get();
    assertThat(String.valueOf(first)).contains("59:");

    ahead.set(java.time.Duration.ofMinutes(2));
    model.tick();

    assertThat(model.reportProperty().get()).isNotEqualTo(first);
    assertThat(String.valueOf(model.reportProperty().get())).contains("57:").doesNotContain("59:5");
  }

  @AfterEach
  void close() {
    backend.close();
    clients.close();
  }

  private String issue(IssueFlow flow) {
    model.flowProperty().set(flow);
    model.issue();
    assertThat(model.busyProperty().get()).as("answered when issue() returns").isFalse();
    return model.statusProperty().get();
  }

  @Test
  void theSameRequestGoesToYourBackendWhenItIsNamed() {
    dev.tokensandbox.backend.workspace.Workspace theirs =
        dev.tokensandbox.backend.workspace.Workspace.generate(new java.util.Random(21));
    try (SandboxServer yours =
        SandboxServer.builder().workspace(theirs).port(0).demoMode(true).log(l -> {}).start()) {
      model.targetProperty().set(yours.url() + "/");
      String status = issue(IssueFlow.GIN_RTC);

      assertThat(model.failedProperty().get()).as(status).isFalse();
      assertThat(yours.admin().tokens()).hasSize(1);
      assertThat(server.admin().tokens()).as("nothing went to the sandbox").isEmpty();
      assertThat(model.curlProperty().get()).contains(yours.url() + "/rtc/");
      assertThat(model.reportProperty().get().decoded()).isTrue();

      model.targetProperty().set("localhost:3000");
      assertThat(issue(IssueFlow.GIN_RTC)).startsWith("Your backend: the URL must start");
      assertThat(model.errorFieldProperty().get()).isEqualTo("target");
      model.targetProperty().set(yours.url());
      assertThat(issue(IssueFlow.CHATSDK)).contains("needs your own login");
    }
  }

  @Test
  void aBackendThatIsNotThereOrHasNoRouteIsSaidInWordsWithAFix() throws Exception {
    assertThat(issue(IssueFlow.GIN_RTC)).startsWith("Issued");
    model.targetProperty().set("http://127.0.0.1:1");
    assertThat(issue(IssueFlow.GIN_RTC))
        .isEqualTo(
            "no answer: nothing accepts connections at http://127.0.0.1:1 — start the server,"
                + " and check the URL and port");
    assertThat(model.tokenProperty().get()).as("the last token is not left on screen").isEmpty();
    assertThat(model.reportProperty().get()).isNull();

    com.sun.net.httpserver.HttpServer bare =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    bare.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(404, -1); // no body, as many frameworks answer
          exchange.close();
        });
    bare.start();
    try {
      String url = "http://127.0.0.1:" + bare.getAddress().getPort();
      model.targetProperty().set(url);
      assertThat(issue(IssueFlow.GIN_RTC))
          .startsWith("404 error: 404: " + url + " has no route for GET /rtc/")
          .endsWith(
              "— check the path and the base URL (a prefix such as /api missing or doubled?)");
    } finally {
      bare.stop(0);
    }
  }

  @Test
  void anyTokenBuildsTheOfficialKindsAndAFixedIssueTimeAndSaltReproduceIt() {
    model.value(IssueFlow.ANY_TOKEN, "kind").set("apaas-room");
    model.value(IssueFlow.ANY_TOKEN, "userId").set("student-7");
    model.value(IssueFlow.ANY_TOKEN, "roomUuid").set("class-1");
    model.value(IssueFlow.ANY_TOKEN, "apaasRole").set("2");
    model.value(IssueFlow.ANY_TOKEN, "issuedAt").set("2025-11-24T16:00:00Z");
    model.value(IssueFlow.ANY_TOKEN, "salt").set("7");

    String status = issue(IssueFlow.ANY_TOKEN);
    String first = model.tokenProperty().get();
    issue(IssueFlow.ANY_TOKEN);

    assertThat(status).startsWith("Issued").endsWith("signature VALID");
    assertThat(model.tokenProperty().get()).isEqualTo(first);
    var decoded =
        (dev.tokensandbox.backend.tokens.AccessToken2Info)
            dev.tokensandbox.backend.tokens.TokenDecoder.decode(first);
    assertThat(decoded.services())
        .extracting(s -> s.name())
        .containsExactly("rtm", "chat", "apaas");
    assertThat(decoded.issueTs()).isEqualTo(1_764_000_000L);
    assertThat(decoded.salt()).isEqualTo(7);
    assertThat(model.curlProperty().get()).contains("/sandbox/tokens", "\"salt\":7");
    assertThat(server.admin().tokens()).allMatch(t -> t.salt() == 7L);
  }

  @Test
  void anyTokensFieldsAreCheckedForTheChosenKindOnly() {
    model.value(IssueFlow.ANY_TOKEN, "kind").set("apaas-room");
    model.value(IssueFlow.ANY_TOKEN, "roomUuid").set("");
    model.value(IssueFlow.ANY_TOKEN, "uid").set("not a number");
    model.value(IssueFlow.ANY_TOKEN, "salt").set("0");

    issue(IssueFlow.ANY_TOKEN);

    assertThat(model.errors()).containsOnlyKeys("userId", "roomUuid", "salt");
    assertThat(model.errors().get("salt")).isEqualTo("must be a whole number 1..4294967295");
    assertThat(IssueFlow.applies("apaas-room", "uid")).isFalse();
    assertThat(IssueFlow.applies("rtc-rtm", "uid")).isTrue();
    assertThat(IssueFlow.applies("fpa", "expireSeconds")).isFalse();
  }

  @Test
  void anyTokenIsNotSentToYourBackend() {
    model.targetProperty().set("http://localhost:9");

    assertThat(issue(IssueFlow.ANY_TOKEN)).startsWith("Any token is built by the sandbox");
  }

  @ParameterizedTest
  @EnumSource(IssueFlow.class)
  void everyFlowIssuesAVerifiedToken(IssueFlow flow) {
    String status = issue(flow);

    assertThat(status).startsWith("Issued").endsWith("signature VALID");
    String token = (model.tokenProperty().get());
    assertThat((model.shownTokenProperty().get()))
        .doesNotContain(token)
        .contains(" characters · tok:");
    model.revealedProperty().set(true);
    assertThat((model.shownTokenProperty().get())).isEqualTo(token);
    assertThat((model.curlProperty().get()))
        .startsWith(flow == IssueFlow.CHATSDK ? "S=$(curl" : "curl");
    assertThat(server.admin().journal(1).entries().get(0).client())
        .isEqualTo(IssueViewModel.CLIENT);
  }

  @Test
  void issuingAfterTheServerClosedIdleConnectionsSucceedsFirstTime() {
    assertThat(issue(IssueFlow.SHENGWANG_RTC)).startsWith("Issued");
    assertThat(issue(IssueFlow.GIN_RTC)).startsWith("Issued");
    // What a quiet minute does: Jetty closes the keep-alive connections the desktop still pools.
    await(
        "a pooled connection to close",
        () -> dev.tokensandbox.backend.server.ServerTesting.closeIdleConnections(server) > 0);

    assertThat(issue(IssueFlow.SHENGWANG_RTC)).startsWith("Issued");
    assertThat(issue(IssueFlow.RINGNITY)).startsWith("Issued");
    assertThat((model.failedProperty().get())).isFalse();
  }

  @Test
  void formErrorsNameTheFieldAndSendNothing() {
    int before = server.admin().journal(Integer.MAX_VALUE).entries().size();
    model.value(IssueFlow.SHENGWANG_RTC, "uid").set("-4");
    assertThat(issue(IssueFlow.SHENGWANG_RTC))
        .isEqualTo("uid: must be an integer in 0..4294967295");
    assertThat((model.errorFieldProperty().get())).isEqualTo("uid");

    model.value(IssueFlow.GIN_RTC, "channelName").set("");
    assertThat(issue(IssueFlow.GIN_RTC)).isEqualTo("channelName: must not be empty");
    model.value(IssueFlow.RINGNITY, "userId").set(" ");
    assertThat(issue(IssueFlow.RINGNITY)).isEqualTo("userId: is required");
    assertThat(server.admin().journal(Integer.MAX_VALUE).entries().size()).isEqualTo(before);
  }

  @Test
  void aBackendFailureIsShownWithItsStatusAndNoToken() {
    server.admin().setFaults(FaultPlan.of(FaultRule.always("agora.rtc", Fault.STATUS, 503)));

    assertThat(issue(IssueFlow.SHENGWANG_RTC)).startsWith("503 injected_fault");
    assertThat((model.failedProperty().get())).isTrue();
    assertThat((model.tokenProperty().get())).isEmpty();
  }

  @Test
  void anotherFlowForgetsTheLastFlowsTokenAndErrors() {
    assertThat(issue(IssueFlow.SHENGWANG_RTC)).startsWith("Issued");
    model.flowProperty().set(IssueFlow.GIN_RTC);
    assertThat(model.tokenProperty().get()).isEmpty();
    assertThat(model.reportProperty().get()).isNull();
    assertThat(model.curlProperty().get()).isEmpty();

    model.value(IssueFlow.GIN_RTC, "uid").set("x");
    model.value(IssueFlow.GIN_RTC, "role").set("admin");
    issue(IssueFlow.GIN_RTC);
    assertThat(model.errors()).containsOnlyKeys("uid", "role");
    assertThat(model.errors().get("role")).isEqualTo("must be publisher or subscriber");
    model.flowProperty().set(IssueFlow.RINGNITY);
    assertThat(model.errors()).isEmpty();
  }

  @Test
  void theCurlCommandRepeatsTheRequestWithShellSafeQuoting() {
    FlowRequest request =
        new FlowRequest("POST", "/ringnity/runtime-token", "{\"name\":\"O'Brien\"}", false);
    assertThat(request.curl("http://127.0.0.1:8080"))
        .isEqualTo(
            "curl -sS -X POST 'http://127.0.0.1:8080/ringnity/runtime-token' -H 'Content-Type:"
                + " application/json' -d '{\"name\":\"O'\\''Brien\"}'");
  }
}
