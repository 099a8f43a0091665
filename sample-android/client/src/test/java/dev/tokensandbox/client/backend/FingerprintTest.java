package dev.tokensandbox.client.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.tokens.TokenFingerprint;
import org.junit.jupiter.api.Test;

/** The client names tokens exactly as the backend's journal does, so the two correlate. */
class FingerprintTest {
  @Test
  void matchesTheBackendsFingerprint() {
    for (String s : new String[] {"007eJxTYBBe", "eyJhbGciOiJIUzI1NiJ9.e30.x", "sess_abc", "é"}) {
      assertThat(Fingerprint.of(s)).isEqualTo(TokenFingerprint.of(s)).matches("tok:[0-9a-f]{8}");
    }
    assertThat(Fingerprint.of("")).isEqualTo("tok:none");
    assertThat(Fingerprint.of(null)).isEqualTo("tok:none");
  }
}
