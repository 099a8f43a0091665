package dev.tokensandbox.backend.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.protocol.Fingerprint;
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
                + Fingerprint.of(RTC_007)
                + "»\",\"old\":\"«token "
                + Fingerprint.of(RTC_006)
                + "»\"} Bearer «token "
                + Fingerprint.of(JWT)
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

  /** Inputs up to the body limit (64 KiB) built to defeat a scanner or a regex. */
  static java.util.Map<String, String> adversarial() {
    int n = 64 * 1024;
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    out.put("eyJ repeated", fill("eyJ", n));
    out.put("JWT headers without payload", fill("eyJabcd.", n));
    out.put("JWT without signature dot", fill("eyJabcd.efgh", n));
    out.put("one long base64 run", "eyJ" + "A".repeat(n - 3));
    out.put("Agora prefix repeated", fill("007", n));
    out.put("Agora near-misses", fill("007AAAAAAAAAAAAAAA!", n));
    out.put("long password value", "{\"password\":\"" + "p".repeat(n - 20) + "\"}");
    out.put("escaped quotes in a secret", "{\"secret\":\"" + fill("\\\"", n - 20) + "\"}");
    out.put("unterminated apiKey", "{\"apiKey\": \"" + "k".repeat(n - 20));
    out.put("secret names without values", fill("\"password\"\"apiKey\":", n));
    out.put("sessions and keys", fill("sess_0123456 rn_sk_ chatsdk_", n));
    out.put("deep JSON", "[".repeat(n / 2) + "]".repeat(n / 2));
    return out;
  }

  private static String fill(String unit, int length) {
    return unit.repeat(length / unit.length() + 1).substring(0, length);
  }

  @Test
  void adversarialInputUpToTheBodyLimitIsRedactedWithoutThrowing() {
    redactor.addSecret("5cfd2fd1755d40ecb72977518be15d3b");
    adversarial()
        .forEach(
            (name, text) -> {
              String asText = redactor.redact(text);
              String asBody = redactor.redactBody(text);
              org.assertj.core.api.Assertions.assertThat(asText).as(name).isNotNull();
              org.assertj.core.api.Assertions.assertThat(asBody).as(name).isNotNull();
            });
    String password = adversarial().get("long password value");
    assertThat(redactor.redact(password)).isEqualTo("{\"password\":\"«redacted»\"}");
    assertThat(redactor.redactBody(password)).isEqualTo("{\"password\":\"«redacted»\"}");
    assertThat(redactor.redact(adversarial().get("escaped quotes in a secret")))
        .isEqualTo("{\"secret\":\"«redacted»\"}");
    assertThat(redactor.redact(adversarial().get("unterminated apiKey")))
        .isEqualTo("{\"apiKey\": \"«redacted»");
  }

  @Test
  void jsonBodiesAreRedactedOnTheirTree() {
    String body =
        "{\"user\":{\"password\":12345,\"apiKey\":[\"not a value\"]},"
            + "\"list\":[\""
            + JWT
            + "\",{\"secret\":true}],\"n\":1.50}";
    assertThat(redactor.redactBody(body))
        .isEqualTo(
            "{\"user\":{\"password\":\"«redacted»\",\"apiKey\":\"«redacted»\"},"
                + "\"list\":[\"«token "
                + Fingerprint.of(JWT)
                + "»\",{\"secret\":\"«redacted»\"}],\"n\":1.50}");
    // Not JSON after all: redacted as text.
    assertThat(redactor.redactBody("{\"password\":\"x\", oops"))
        .isEqualTo("{\"password\":\"«redacted»\", oops");
  }

  @Test
  void targetsAreScannedPercentDecoded() {
    String encoded = java.net.URLEncoder.encode(RTC_007, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(encoded).contains("%2B"); // the token hides behind its encoding
    assertThat(redactor.redactTarget("/provider/rtc/renew/" + encoded, "token=" + encoded + "&x=1"))
        .isEqualTo(
            "/provider/rtc/renew/«token "
                + Fingerprint.of(RTC_007)
                + "»?token=«token "
                + Fingerprint.of(RTC_007)
                + "»&x=1");
    assertThat(redactor.redactTarget("/a", "password=hunter2&apiKey=&b=%zz"))
        .isEqualTo("/a?password=«redacted»&apiKey=&b=%zz");
    String plain = "/api/agora/token";
    assertThat(redactor.redactTarget(plain, "channelName=a%20b&uid=1"))
        .isEqualTo("/api/agora/token?channelName=a%20b&uid=1");
  }

  @Test
  void aBareTokenWithAPlusIsOneTokenNotAFormWithASpace() {
    // The seeds' /api/agora/token answers the bare token; this one has a '+' in its base64.
    String token =
        "007eJxTYLh67uoDeeuHG4pTRZQ63TdO4jh3h1HM6ECTc20y662GGm4FBkMD4zQT4xTLZPNkA+NESwNzoySD1EQgN8"
            + "UsLTE12WSnmlh2BBMDQ8MyU2ZGBkYGFiAG8ZnAJDOYZIGycxKTGBkMAfsdHfg=";
    String marker = "«token " + dev.tokensandbox.protocol.Fingerprint.of(token) + "»";
    assertThat(redactor.redactBody(token)).isEqualTo(marker);
    // and a token behind percent-encoding is still found whole, in a form body and a query
    String encoded = token.replace("+", "%2B").replace("=", "%3D");
    assertThat(redactor.redactBody("token=" + encoded)).isEqualTo("token=" + marker);
    assertThat(redactor.redactTarget("/t", "token=" + encoded)).isEqualTo("/t?token=" + marker);
    // and a form's short secret, shorter than the marker that replaces it, is still redacted
    assertThat(redactor.redactBody("username=alice&password=hunter2"))
        .isEqualTo("username=alice&password=«redacted»");
    assertThat(redactor.redactBody("pairingCode=123456&x=1")).doesNotContain("123456");
  }
}
