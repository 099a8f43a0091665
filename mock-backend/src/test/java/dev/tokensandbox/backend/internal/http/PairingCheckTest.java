package dev.tokensandbox.backend.internal.http;

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
  void noNumberOfAddressesGetsMoreThanTheGlobalBudgetOfGuesses() {
    List<dev.tokensandbox.protocol.PairingLock> locks = new ArrayList<>();
    check.onLock(locks::add);
    int compared = 0;
    // 2,000 addresses, one wrong guess each: more than the per-peer table remembers.
    for (int i = 0; i < 2_000; i++) {
      String guess = String.format("%06d", i);
      if (guess.equals(check.code())) {
        continue;
      }
      if (check.verdict("10." + (i / 250) + "." + (i % 250) + ".1", guess)
          instanceof PairingCheck.Verdict.Refused) {
        compared++;
      }
    }
    assertThat(compared).isEqualTo(PairingCheck.GLOBAL_BUDGET);
    assertThat(locks)
        .singleElement()
        .satisfies(
            lock -> {
              assertThat(lock.wrongCodes()).isEqualTo(PairingCheck.GLOBAL_BUDGET);
              assertThat(lock.at()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
              assertThat(lock.until()).isEqualTo(Instant.parse("2026-12-03T10:10:00Z"));
              assertThat(lock.describe()).contains("pair with the QR code");
            });
    assertThat(check.currentLock()).contains(locks.get(0));
    // Even the right code from a new address waits, and is told how long.
    assertThat(check.verdict("10.200.0.1", check.code()))
        .isInstanceOfSatisfying(
            PairingCheck.Verdict.Throttled.class,
            t -> {
              assertThat(t.locked()).isTrue();
              assertThat(t.retryAfterSeconds()).isBetween(599L, 601L);
              assertThat(PairingCheck.refusal(t)).contains("locked").contains("QR code");
            });

    nanos += TimeUnit.SECONDS.toNanos(PairingCheck.LOCK_SECONDS);
    assertThat(check.currentLock()).isEmpty();
    assertThat(check.verdict("10.200.0.1", check.code()))
        .isInstanceOf(PairingCheck.Verdict.Accepted.class);
  }

  @Test
  void theLockLeavesThePhonesOwnPairingAlone() {
    String code = check.code();
    String secret = check.secret();
    assertThat(secret).hasSize(32).matches("[A-Za-z0-9_-]+");
    assertThat(check.verdict("192.168.1.50", code))
        .isInstanceOf(PairingCheck.Verdict.Accepted.class);
    for (int i = 0; i < PairingCheck.GLOBAL_BUDGET; i++) {
      check.verdict("10.0." + i + ".1", wrong());
    }
    assertThat(check.currentLock()).isPresent();

    // The phone that typed the code keeps it; the code was not replaced.
    assertThat(check.code()).isEqualTo(code);
    assertThat(check.verdict("192.168.1.50", code))
        .isInstanceOf(PairingCheck.Verdict.Accepted.class);
    // A phone that scanned the QR link sends the secret: never throttled, never locked.
    assertThat(check.verdict("192.168.1.51", " " + secret + " "))
        .isInstanceOf(PairingCheck.Verdict.Accepted.class);
    for (int i = 0; i < PairingCheck.MAX_FAILURES_PER_PEER; i++) {
      check.verdict("192.168.1.52", "wrong-secret-of-thirty-two-chars");
    }
    assertThat(check.verdict("192.168.1.52", secret))
        .isInstanceOf(PairingCheck.Verdict.Accepted.class);
  }

  @Test
  void anIpv6Slash64IsOneGuesser() {
    for (int i = 1; i <= PairingCheck.MAX_FAILURES_PER_PEER; i++) {
      assertThat(check.verdict("2001:db8:1:2::" + Integer.toHexString(i), wrong()))
          .isInstanceOf(PairingCheck.Verdict.Refused.class);
    }
    assertThat(check.verdict("2001:db8:1:2:ffff:1:2:3", check.code()))
        .isInstanceOf(PairingCheck.Verdict.Throttled.class);
    // The next /64 is another network.
    assertThat(check.verdict("2001:db8:1:3::1", check.code()))
        .isInstanceOf(PairingCheck.Verdict.Accepted.class);
    assertThat(PairingCheck.peerOf("2001:0db8:0001:0002:0000:0000:0000:0009"))
        .isEqualTo(PairingCheck.peerOf("2001:db8:1:2::abcd"))
        .isEqualTo("2001:db8:1:2::/64");
    assertThat(PairingCheck.peerOf("192.168.1.20")).isEqualTo("192.168.1.20");
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
