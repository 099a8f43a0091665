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

  static final String RENEWAL_FOR_12345 =
      new AgoraTokenIssuer(
              new AgoraCredentials("970ca35de60c44645bbae8a215061b33", CERT), CLOCK, new Random(3))
          .rtc(RtcTokenRequest.forRole("demo", RtcUser.uid(12345), RtcRole.PUBLISHER, 600, 600))
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
        .isEqualTo("AccessToken2 (007) · signature NOT_VERIFIED · 1 lint finding");
  }

  @Test
  void aLegacyTokenVerifiesWithTheChannelAndUidOrAccountGiven() {
    AgoraTokenIssuer issuer =
        new AgoraTokenIssuer(
            new AgoraCredentials("970ca35de60c44645bbae8a215061b33", CERT), CLOCK, new Random(2));
    String account0 =
        issuer
            .legacyRtc(
                RtcTokenRequest.forRole("room", RtcUser.account("0"), RtcRole.PUBLISHER, 600, 600))
            .token();
    model.tokenProperty().set(account0);
    model.secretProperty().set(CERT);
    assertThat(model.legacyProperty().get()).isTrue();
    assertThat(model.reportProperty().get().verification().verdict()).isEqualTo("NOT_VERIFIED");

    model.channelGuessProperty().set("room");
    model.userGuessProperty().set("0");
    assertThat(model.reportProperty().get().verification().detail())
        .isEqualTo("the uid guess does not match the token's CRC32");

    model.guessIsAccountProperty().set(true);
    assertThat(model.reportProperty().get().verification().verdict()).isEqualTo("VALID");

    model.tokenProperty().set(TOKEN);
    assertThat(model.legacyProperty().get()).isFalse();
  }

  @Test
  void aSecondTokenIsComparedFieldByFieldWithTheRenewalBugInWords() {
    String renewal = RENEWAL_FOR_12345;
    model.tokenProperty().set(TOKEN);
    model.compareProperty().set(renewal);

    var diff = model.diffProperty().get();
    assertThat(diff.differences())
        .extracting(r -> r.field())
        .contains("salt", "rtc.uid", "signature")
        .doesNotContain("rtc.channelName", "appId");
    assertThat(diff.findings())
        .anyMatch(f -> f.startsWith("the second token is for uid 12345, the first for uid 0"));
    assertThat(model.diffSummaryProperty().get()).endsWith("fields differ");

    model.compareProperty().set("garbage");
    assertThat(model.diffProperty().get()).isNull();
    assertThat(model.diffSummaryProperty().get()).startsWith("The second token does not decode");
  }

  @Test
  void certificateTurnsTheVerdictValid() {
    model.tokenProperty().set(TOKEN);
    model.secretProperty().set(CERT);

    assertThat(model.reportProperty().get().verification().verdict()).isEqualTo("VALID");
  }

  @Test
  void everythingDerivedFromTheClockStaysTrueAsTimePasses() {
    MovingClock clock = new MovingClock(CLOCK.instant());
    InspectViewModel live = new InspectViewModel(clock);
    live.tokenProperty().set(TOKEN);
    live.secretProperty().set(CERT);
    assertThat(live.stateProperty().get()).isEqualTo(InspectViewModel.State.VALID);
    assertThat(live.countdownProperty().get()).startsWith("expires in 10:00");

    clock.now = clock.now.plusSeconds(590);
    live.tick();
    assertThat(live.countdownProperty().get()).startsWith("expires in 10 s");
    assertThat(live.reportProperty().get().lint()).anyMatch(l -> l.code().equals("EXPIRES_SOON"));
    assertThat(tree(live)).contains("expires in 10 s");

    clock.now = clock.now.plusSeconds(20);
    live.tick();
    assertThat(live.stateProperty().get()).isEqualTo(InspectViewModel.State.EXPIRED);
    assertThat(live.summaryProperty().get()).contains("signature VALID · EXPIRED");
    assertThat(live.countdownProperty().get()).startsWith("expired");
    assertThat(live.reportProperty().get().lint())
        .anyMatch(l -> l.code().equals("TOKEN_EXPIRED"))
        .noneMatch(l -> l.code().equals("EXPIRES_SOON"));
    assertThat(tree(live)).doesNotContain("expires in");
  }

  @Test
  void aWrongCertificateIsInvalid() {
    model.tokenProperty().set(TOKEN);
    model.secretProperty().set("0".repeat(32));
    assertThat(model.stateProperty().get()).isEqualTo(InspectViewModel.State.INVALID);
  }

  private static String tree(InspectViewModel m) {
    return m.reportProperty().get().fields().toString();
  }

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    Instant now;

    MovingClock(Instant start) {
      now = start;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void garbageShowsTheDecodersPreciseError() {
    model.tokenProperty().set("007eJx###");

    assertThat(model.summaryProperty().get())
        .isEqualTo("Not a token: payload: invalid base64 character '#' at character 6 of the text");
  }
}
