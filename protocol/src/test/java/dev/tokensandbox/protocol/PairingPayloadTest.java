package dev.tokensandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PairingPayloadTest {

  @Test
  void formatAndParseRoundTripTheUrlAndCode() {
    String text = PairingPayload.format("http://192.168.1.20:8080", "042917");
    assertThat(text)
        .isEqualTo("tokensandbox://pair?url=http%3A%2F%2F192.168.1.20%3A8080&code=042917");

    PairingPayload payload = PairingPayload.parse(text);
    assertThat(payload.url()).isEqualTo("http://192.168.1.20:8080");
    assertThat(payload.code()).isEqualTo("042917");
    assertThat(payload.toString()).doesNotContain("042917");
  }

  @Test
  void aBareUrlOrALinkWithoutCodeNeedsNoPairing() {
    assertThat(PairingPayload.parse(" http://10.0.2.2:8080 ").code()).isNull();
    assertThat(PairingPayload.parse(PairingPayload.format("http://10.0.2.2:8080", null)).url())
        .isEqualTo("http://10.0.2.2:8080");
  }

  @Test
  void badPayloadsSayWhatIsWrong() {
    assertThatThrownBy(() -> PairingPayload.parse("")).hasMessage("Pairing: the code is empty");
    assertThatThrownBy(() -> PairingPayload.parse("hello world"))
        .hasMessageStartingWith("Pairing: not a link");
    assertThatThrownBy(() -> PairingPayload.parse("ftp://host/x"))
        .hasMessageContaining("expected tokensandbox://pair");
    assertThatThrownBy(() -> PairingPayload.parse("tokensandbox://pair?code=123456"))
        .hasMessage("Pairing: the link has no http(s) url parameter");
    assertThatThrownBy(
            () -> PairingPayload.parse("tokensandbox://pair?url=http%3A%2F%2Fh%3A1&code=12ab"))
        .hasMessageStartingWith("Pairing: the code must be 6 digits or the pairing secret");
    assertThatThrownBy(() -> PairingPayload.parse("tokensandbox://pair?url=%E0%A4%A"))
        .hasMessageStartingWith("Pairing:");
  }

  @Test
  void theLinkMayCarryTheLongPairingSecret() {
    String secret = "q3Jx-7_vKp0aZc1LmN4oPq8rStUvWxYz";
    PairingPayload payload =
        PairingPayload.parse(PairingPayload.format("http://192.168.1.20:8080", secret));

    assertThat(payload.code()).isEqualTo(secret);
    assertThat(payload.toString()).doesNotContain(secret);
  }
}
