package dev.tokensandbox.backend.tokens;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;

/** Shared fixed inputs: credentials, a fixed clock and a fixed-salt random source. */
final class TestFixtures {
  static final String APP_ID = "970ca35de60c44645bbae8a215061b33";
  static final String CERTIFICATE = "5cfd2fd1755d40ecb72977518be15d3b";
  static final String OTHER_CERTIFICATE = "0123456789abcdef0123456789abcdef";
  static final AgoraCredentials CREDENTIALS = new AgoraCredentials(APP_ID, CERTIFICATE);
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  private TestFixtures() {}

  static Clock clockAt(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  static Clock clock() {
    return clockAt(NOW);
  }

  /** A random source whose every bounded int is {@code salt} and whose bytes are 0x2a. */
  static RandomGenerator fixedSalt(int salt) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 42L;
      }

      @Override
      public int nextInt(int origin, int bound) {
        return salt;
      }

      @Override
      public void nextBytes(byte[] bytes) {
        java.util.Arrays.fill(bytes, (byte) 42);
      }
    };
  }

  static AgoraTokenIssuer issuer() {
    return new AgoraTokenIssuer(CREDENTIALS, clock(), fixedSalt(12345));
  }

  static <T extends DecodedToken> T decodeAs(Class<T> type, String token) {
    DecodeResult result = TokenDecoder.decode(token);
    if (!type.isInstance(result)) {
      throw new AssertionError("expected " + type.getSimpleName() + " but got " + result);
    }
    return type.cast(result);
  }
}
