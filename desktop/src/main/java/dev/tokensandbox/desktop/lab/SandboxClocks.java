package dev.tokensandbox.desktop.lab;

import dev.tokensandbox.client.clock.SandboxClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Bridges the client core's clock to the backend's {@code java.time.Clock}. */
public final class SandboxClocks {
  private SandboxClocks() {}

  /** A read-only {@link Clock} that always reads {@code clock}'s now (thread-safe for reading). */
  public static Clock javaClock(SandboxClock clock) {
    return new Clock() {
      @Override
      public Instant instant() {
        return clock.now();
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the sandbox clock has one zone");
      }
    };
  }
}
