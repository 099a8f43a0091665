package dev.tokensandbox.desktop.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.tokens.AgoraCredentials;
import dev.tokensandbox.backend.tokens.AgoraTokenIssuer;
import dev.tokensandbox.backend.tokens.RtcRole;
import dev.tokensandbox.backend.tokens.RtcTokenRequest;
import dev.tokensandbox.backend.tokens.RtcUser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The view-model needs no FX toolkit: plain properties in, report out. */
class InspectViewModelTest {
  static final String CERT = "5cfd2fd1755d40ecb72977518be15d3b";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  static final String TOKEN =
      new AgoraTokenIssuer(
              new AgoraCredentials("970ca35de60c44645bbae8a215061b33", CERT), CLOCK, new Random(1))
          .rtc(RtcTokenRequest.forRole("demo", RtcUser.uid(0), RtcRole.PUBLISHER, 600, 600))
          .token();

  private final InspectViewModel model = new InspectViewModel(CLOCK);

  @Test
  void startsEmptyWithAHint() {
    assertThat(model.reportProperty().get()).isNull();
    assertThat(model.summaryProperty().get()).startsWith("Paste a");
  }

  @Test
  void pastedTokenIsDecodedAndLinted() {
    model.tokenProperty().set("Bearer " + TOKEN);

    assertThat(model.reportProperty().get().decoded()).isTrue();
    assertThat(model.summaryProperty().get())
        .isEqualTo("AccessToken2 (007) · NOT_VERIFIED · 1 lint finding(s)");
  }

  @Test
  void certificateTurnsTheVerdictValid() {
    model.tokenProperty().set(TOKEN);
    model.secretProperty().set(CERT);

    assertThat(model.reportProperty().get().verification().verdict()).isEqualTo("VALID");
  }

  @Test
  void garbageShowsTheDecodersPreciseError() {
    model.tokenProperty().set("007eJx###");

    assertThat(model.summaryProperty().get())
        .isEqualTo("Not a token: payload: invalid base64 character '#' at character 6 of the text");
  }
}
