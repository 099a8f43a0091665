package dev.tokensandbox.backend.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Guessing the pairing code, with time moved by hand. */
class PairingCheckTest {
  private long nanos = 1_000_000_000L;
  private final PairingCheck check =
      new PairingCheck(
          new Random(7),
          () -> nanos,
          Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));

  private String wrong() {
    return check.code().equals("000000") ? "000001" : "000000";
  }

  @Test
  void thisMachineNeedsNoCodeAndAPeerNeedsTheRightOne() {
    assertThat(check.verdict("127.0.0.1", null)).isInstanceOf(PairingCheck.Verdict.Accepted.class);
    assertThat(check.verdict("::1", null)).isInstanceOf(PairingCheck.Verdict.Accepted.class);
    assertThat(check.verdict("192.168.1.20", null))
        .isInstanceOf(PairingCheck.Verdict.Refused.class);
    assertThat(check.verdict("192.168.1.20", " " + check.code() + " "))
        .isInstanceOf(PairingCheck.Verdict.Accepted.class);
  }

  @Test
  void aPeerThatGuessesWrongFiveTimesWaitsEvenWithTheRightCode() {
    for (int i = 0; i < PairingCheck.MAX_FAILURES_PER_PEER; i++) {
      assertThat(check.verdict("192.168.1.20", wrong()))
          .isInstanceOf(PairingCheck.Verdict.Refused.class);
    }
    assertThat(check.verdict("192.168.1.20", check.code()))
        .isInstanceOfSatisfying(
            PairingCheck.Verdict.Throttled.class,
            t -> assertThat(t.retryAfterSeconds()).isBetween(59L, 61L));
    // Another address is not held up by it.
    assertThat(check.verdict("192.168.1.21", check.code()))
        .isInstanceOf(PairingCheck.Verdict.Accepted.class);

    nanos += TimeUnit.SECONDS.toNanos(PairingCheck.WINDOW_SECONDS);
    assertThat(check.verdict("192.168.1.20", check.code()))
        .isInstanceOf(PairingCheck.Verdict.Accepted.class);
  }

  @Test
  void manyWrongCodesReplaceTheCodeAndSaySo() {
    List<PairingCheck.Rotation> rotations = new ArrayList<>();
    check.onRotation(rotations::add);
    String old = check.code();
    for (int i = 0; i < PairingCheck.ROTATE_AFTER; i++) {
      check.verdict("10.0.0." + (i / PairingCheck.MAX_FAILURES_PER_PEER + 1), wrong());
    }
    assertThat(rotations)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.wrongCodes()).isEqualTo(PairingCheck.ROTATE_AFTER);
              assertThat(r.at()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
            });
    assertThat(check.lastRotation()).contains(rotations.get(0));
    assertThat(check.code()).matches("\\d{6}").isNotEqualTo(old);
    assertThat(check.verdict("10.0.0.9", old)).isInstanceOf(PairingCheck.Verdict.Refused.class);
    assertThat(check.verdict("10.0.0.9", check.code()))
        .isInstanceOf(PairingCheck.Verdict.Accepted.class);
  }

  @Test
  void sendingNoCodeIsNotAGuess() {
    for (int i = 0; i < 50; i++) {
      assertThat(check.verdict("192.168.1.20", null))
          .isInstanceOf(PairingCheck.Verdict.Refused.class);
    }
    assertThat(check.verdict("192.168.1.20", check.code()))
        .isInstanceOf(PairingCheck.Verdict.Accepted.class);
  }
}
