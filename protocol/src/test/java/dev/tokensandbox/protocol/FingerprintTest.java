package dev.tokensandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Every side names a token the same way (the backend's journal, the client's timeline, the app's
 * state), so the fingerprint is defined once, here.
 */
class FingerprintTest {
  @Test
  void isTheFirstEightHexDigitsOfSha256() throws Exception {
    // FIPS 180-2 test vector: SHA-256("abc") = ba7816bf 8f01cfea ...
    assertThat(Fingerprint.of("abc")).isEqualTo("tok:ba7816bf");
    for (String s : new String[] {"007eJxTYBBe", "eyJhbGciOiJIUzI1NiJ9.e30.x", "sess_abc", "é"}) {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      assertThat(Fingerprint.of(s))
          .isEqualTo("tok:" + HexFormat.of().formatHex(digest, 0, 4))
          .matches("tok:[0-9a-f]{8}");
    }
  }

  @Test
  void namesNoTokenAsNone() {
    assertThat(Fingerprint.of("")).isEqualTo("tok:none");
    assertThat(Fingerprint.of(null)).isEqualTo("tok:none");
  }
}
