package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tokensandbox.junit.Sandbox;
import dev.tokensandbox.junit.SandboxTest;
import dev.tokensandbox.junit.TokenView;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The app's token client against the sandbox, as an integrator writes it: no sandbox internals. */
@SandboxTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenClientTest {

  @Test
  @Order(1)
  void fetchesATokenForItsChannelAndUid(Sandbox sandbox) throws Exception {
    String token = new TokenClient(sandbox.baseUrl(), sandbox.clock()).token("lobby", 42);

    TokenView view = sandbox.decode(token);
    assertTrue(view.valid(), view.verdict());
    assertEquals("lobby", view.channel());
    assertEquals("42", view.uid());
    assertEquals(List.of("rtc"), view.services());
  }

  @Test
  @Order(2)
  void fetchesAFreshTokenOnceTheOldOneRanOut(Sandbox sandbox) throws Exception {
    TokenClient app = new TokenClient(sandbox.baseUrl(), sandbox.clock());
    String first = app.token("lobby", 42);
    assertEquals(first, app.token("lobby", 42), "kept while it is good");

    sandbox.advance(Duration.ofSeconds(65));

    String second = app.token("lobby", 42);
    assertNotEquals(first, second);
    assertTrue(sandbox.decode(first).expiredAt(sandbox.now()));
    assertFalse(sandbox.decode(second).expiredAt(sandbox.now()));
    assertTrue(sandbox.decode(first).lint().contains("TOKEN_EXPIRED"));
  }

  @Test
  @Order(3)
  void theNextTestRunsOnTheRealTimeAgain(Sandbox sandbox) {
    Duration off = Duration.between(Clock.systemUTC().instant(), sandbox.now()).abs();
    assertTrue(off.compareTo(Duration.ofSeconds(5)) < 0, "sandbox time is off by " + off);
  }

  @Test
  @Order(4)
  void retriesAFailingBackendThenGivesUp(Sandbox sandbox) throws Exception {
    TokenClient app = new TokenClient(sandbox.baseUrl(), sandbox.clock());
    sandbox.injectFault("agora.rtc", "STATUS", 503);

    IOException failure = assertThrows(IOException.class, () -> app.token("lobby", 42));

    assertEquals("gave up after 3 attempts: token route answered 503", failure.getMessage());
    assertEquals(3, sandbox.requests().stream().filter(r -> r.endsWith("→ 503")).count());
    sandbox.clearFaults();
    assertTrue(sandbox.decode(app.token("lobby", 42)).valid());
    assertEquals(1, app.attempts());
  }
}
