package dev.tokensandbox.backend.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenDescriberTest {
  private final Clock clock =
      Clock.fixed(TestFixtures.NOW.plusSeconds(62), ZoneId.of("Europe/Berlin"));

  @Test
  void accessToken2ShowsEveryFieldRawAndHuman() {
    String token =
        TestFixtures.issuer()
            .rtc(RtcTokenRequest.forRole("test", RtcUser.uid(1234), RtcRole.SUBSCRIBER, 900, 600))
            .token();

    List<TokenField> fields =
        new TokenDescriber(clock).describe((DecodedToken) TokenDecoder.decode(token));

    assertThat(field(fields, "appId").raw()).isEqualTo(TestFixtures.APP_ID);
    assertThat(field(fields, "issueTs").human())
        .isEqualTo("2026-11-24T12:00:00Z, local 2026-11-24 13:00:00 +01:00");
    assertThat(field(fields, "expire").human()).endsWith("expires in 13:58");
    assertThat(field(fields, "salt").raw()).isEqualTo("12345");
    assertThat(field(fields, "services.rtc.channelName").human()).isEqualTo("\"test\"");
    assertThat(field(fields, "services.rtc.uid").human()).startsWith("numeric uid 1234");
    assertThat(field(fields, "services.rtc.privileges.joinChannel").human())
        .endsWith("expires in 8:58");
    assertThat(field(fields, "signature").human()).startsWith("32 bytes");
  }

  @Test
  void wildcardsAreNamed() {
    String token =
        TestFixtures.issuer()
            .rtc(RtcTokenRequest.forRole("", RtcUser.uid(0), RtcRole.PUBLISHER, 60, 60))
            .token();
    List<TokenField> fields =
        new TokenDescriber(clock).describe((DecodedToken) TokenDecoder.decode(token));

    assertThat(field(fields, "services.rtc.channelName").human()).contains("wildcard");
    assertThat(field(fields, "services.rtc.uid").human())
        .isEqualTo("\"\" = uid 0, wildcard: any user");
    assertThat(field(fields, "expire").human()).endsWith("expired 2 s ago");
  }

  @Test
  void legacyAndJwtFieldsAreDescribed() {
    String legacy =
        TestFixtures.issuer()
            .legacyRtc(RtcTokenRequest.forRole("c", RtcUser.uid(0), RtcRole.PUBLISHER, 60, 60))
            .token();
    List<TokenField> legacyFields =
        new TokenDescriber(clock).describe((DecodedToken) TokenDecoder.decode(legacy));
    assertThat(field(legacyFields, "crcUid").human()).contains("wildcard");
    assertThat(field(legacyFields, "privileges.joinChannel").human()).startsWith("absolute: ");

    String jwt =
        new JwtIssuer(new byte[32], TestFixtures.clock(), TestFixtures.fixedSalt(1))
            .issue(JwtKind.RINGNITY, "customer-123", 900)
            .token();
    List<TokenField> jwtFields =
        new TokenDescriber(clock).describe((DecodedToken) TokenDecoder.decode(jwt));
    assertThat(field(jwtFields, "claims.exp").human()).endsWith("expires in 13:58");
    assertThat(field(jwtFields, "header.alg").raw()).isEqualTo("HS256");
  }

  private static TokenField field(List<TokenField> fields, String path) {
    return TokenField.find(fields, path).orElseThrow(() -> new AssertionError("no field " + path));
  }
}
