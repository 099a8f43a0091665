package dev.tokensandbox.client.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.client.testing.LiveBackend;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every fault of the plan against the client core, on the two flows it can touch (Shengwang RTC for
 * HTTP and token faults, Ringnity for the provider key): each call ends within the client's
 * timeouts with a typed outcome — never an exception, never a hang.
 */
class EveryFaultTest {
  private static final RtcTokenQuery WHO = RtcTokenQuery.uid("faults", 1001, true, 600);

  private final LiveBackend backend = new LiveBackend();
  private final BackendClient client =
      backend.client(
          LiveBackend.sharedHttp()
              .newBuilder()
              .readTimeout(400, TimeUnit.MILLISECONDS)
              .callTimeout(2, TimeUnit.SECONDS)
              .build());

  @AfterEach
  void close() {
    backend.close();
  }

  private static int value(Fault fault) {
    return switch (fault) {
      case LATENCY -> 3_000;
      case STATUS -> 503;
      case SHORT_LIFETIME -> 20;
      case CLOCK_SKEW -> 600;
      default -> 0;
    };
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  @Timeout(10)
  void eachFaultEndsInATypedOutcomeWithinTheTimeouts(Fault fault) {
    String route = fault == Fault.REVOKED_KEY ? "ringnity.provider" : "*";
    backend.server.admin().setFaults(FaultPlan.of(FaultRule.always(route, fault, value(fault))));

    Outcome<FetchedToken> outcome =
        fault == Fault.REVOKED_KEY
            ? client.ringnity("user-1", "User One", "u1@example.com", null)
            : client.shengwangRtc(WHO, null);

    assertThat(outcome).isNotNull();
    switch (fault) {
      case LATENCY ->
          assertThat(outcome)
              .isInstanceOfSatisfying(
                  Outcome.NetworkError.class,
                  n -> assertThat(n.kind()).isEqualTo(Outcome.NetworkError.Kind.TIMEOUT));
      case STATUS -> assertThat(outcome).isInstanceOf(Outcome.ServerError.class);
      case MALFORMED_JSON, EMPTY_BODY -> assertThat(outcome).isInstanceOf(Outcome.Malformed.class);
      case CONNECTION_RESET ->
          assertThat(outcome)
              .isInstanceOfSatisfying(
                  Outcome.NetworkError.class,
                  n -> assertThat(n.kind()).isEqualTo(Outcome.NetworkError.Kind.CONNECTION));
      case REVOKED_KEY -> assertThat(outcome).isInstanceOf(Outcome.ServerError.class);
      default ->
          // Token faults answer 200 with a bad token: the engine or session finds out later.
          assertThat(outcome.isSuccess()).as(outcome.describe()).isTrue();
    }
    assertThat(outcome.describe()).isNotBlank();
  }
}
