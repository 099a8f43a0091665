package dev.tokensandbox.backend.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.tokens.TokenFingerprint;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private static final String RTC_007 =
      "007eJxTYBBbsMMnKvOtxlO5Ndp+Zh/jvC3tWl+vO2Sy0+mE4kQGBgYGLmAIMgCJYlfBBGA";
  private static final String RTC_006 = "006c13ab4e21f3600d6e1640a46a4fd507bIABz5pCQz0Jx";
  private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

  private final Redactor redactor = new Redactor();

  @Test
  void tokensBecomeTheirFingerprintWhereverTheyAppear() {
    String body =
        "{\"token\":\"" + RTC_007 + "\",\"old\":\"" + RTC_006 + "\"} Bearer " + JWT + " end";

    assertThat(redactor.redact(body))
        .isEqualTo(
            "{\"token\":\"«token "
                + TokenFingerprint.of(RTC_007)
                + "»\",\"old\":\"«token "
                + TokenFingerprint.of(RTC_006)
                + "»\"} Bearer «token "
                + TokenFingerprint.of(JWT)
                + "» end");
  }

  @Test
  void sessionsKeysAndSecretMembersAreRedacted() {
    assertThat(redactor.redact("Bearer sess_0123456789abcdef")).isEqualTo("Bearer «redacted»");
    assertThat(redactor.redact("key=rn_sk_live_42&other=chatsdk_abc_1"))
        .isEqualTo("key=«redacted»&other=«redacted»");
    assertThat(redactor.redact("{\"user\":\"alice\",\"password\" : \"p\\\"w\",\"apiKey\":\"k\"}"))
        .isEqualTo("{\"user\":\"alice\",\"password\" : \"«redacted»\",\"apiKey\":\"«redacted»\"}");
    assertThat(redactor.redact("{\"appCertificate\":\"x\",\"secret\":\"y\"}"))
        .isEqualTo("{\"appCertificate\":\"«redacted»\",\"secret\":\"«redacted»\"}");
  }

  @Test
  void registeredSecretsAreRedactedAndShortOnesIgnored() {
    redactor.addSecret("5cfd2fd1755d40ecb72977518be15d3b");
    redactor.addSecret("short");

    assertThat(redactor.redact("cert=5cfd2fd1755d40ecb72977518be15d3b&name=short"))
        .isEqualTo("cert=«redacted»&name=short");
  }

  @Test
  void textWithoutSecretsIsReturnedUnchanged() {
    String path = "/api/agora/token?channelName=bench&uid=12345&role=publisher&expireSeconds=3600";
    String almost = "{\"passwordHint\":\"x\",\"note\":\"0067 is not a token\",\"sess_\":1}";

    assertThat(redactor.redact(path)).isSameAs(path);
    assertThat(redactor.redact(almost)).isEqualTo(almost);
    assertThat(redactor.redact("")).isEmpty();
    assertThat(redactor.redact(null)).isNull();
  }
}
