package dev.tokensandbox.backend.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenDecoderTest {
  private static final String TOKEN =
      TestFixtures.issuer()
          .rtc(RtcTokenRequest.forRole("test", RtcUser.uid(1234), RtcRole.PUBLISHER, 3600, 3600))
          .token();

  @ParameterizedTest
  @ValueSource(
      strings = {"  %s\n", "\"%s\"", "'%s'", "Bearer %s", "bearer   %s ", "\"Bearer %s\"", "`%s`"})
  void toleratesWhatPeoplePasteAroundAToken(String wrapper) {
    DecodeResult result = TokenDecoder.decode(String.format(wrapper, TOKEN));

    assertThat(result)
        .isInstanceOfSatisfying(AccessToken2Info.class, t -> assertThat(t.text()).isEqualTo(TOKEN));
  }

  @Test
  void nullAndEmptyInputAreErrorsNotExceptions() {
    assertThat(error(null).message()).isEqualTo("input: no token given");
    assertThat(error("   ").message()).startsWith("input: empty");
  }

  @Test
  void textThatIsNoTokenSaysWhatWasExpected() {
    DecodeError error = error("hello world");
    assertThat(error.field()).isEqualTo("format");
    assertThat(error.reason()).contains("007", "006", "JWT");
    assertThat(error("005abc").reason()).contains("obsolete");
  }

  @Test
  void invalidBase64NamesTheCharacterAndItsPosition() {
    DecodeError error = error(TOKEN.substring(0, 20) + "!" + TOKEN.substring(21));

    assertThat(error.field()).isEqualTo("payload");
    assertThat(error.offset()).isEqualTo(20);
    assertThat(error.message())
        .isEqualTo("payload: invalid base64 character '!' at character 20 of the text");
  }

  @Test
  void aPlusTurnedIntoASpaceGetsAHint() {
    String mangled = "007eJxTYLA6KyjadutqQa1LdOV5gVjPxus3q67uSxbcFyn8 /+ahCAFBktzg";
    assertThat(error(mangled).reason()).contains("URL decoding");
  }

  @Test
  void truncatedCompressedPayloadIsReported() {
    DecodeError error = error(TOKEN.substring(0, 40));
    assertThat(error.field()).isEqualTo("payload");
    assertThat(error.reason()).contains("truncated");
  }

  @Test
  void truncatedFieldsNameTheFieldAndTheByteOffset() {
    // signature (2+32) appId (2+32) issueTs expire salt (12) service count (2) = 82 bytes
    byte[] payload = payload(TOKEN);
    DecodeError error = error(token007(java.util.Arrays.copyOf(payload, 87)));

    assertThat(error.field()).startsWith("services[0].privileges");
    assertThat(error.where()).isEqualTo(DecodeError.PAYLOAD);
    assertThat(error.offset()).isBetween(82, 87);
    assertThat(error.message()).contains("truncated", "of the payload");
  }

  @Test
  void anUnknownServiceTypeIsKeptWithItsBytesCountedAndTheTokenStillDecodes() {
    byte[] payload = payload(TOKEN);
    payload[82] = (byte) 0xE7; // first service's type, low byte: 999 = 0x03E7
    payload[83] = 0x03;
    AccessToken2Info token = TestFixtures.decodeAs(AccessToken2Info.class, token007(payload));

    ServiceInfo unknown = token.services().get(0);
    assertThat(unknown.known()).isFalse();
    assertThat(unknown.name()).isEqualTo("unknown service 999");
    assertThat(unknown.privileges()).isNotEmpty();
    assertThat(unknown.fields()).containsKey(ServiceInfo.UNDECODED_BYTES);
  }

  @Test
  void zipBombIsRefusedWithoutInflatingIt() {
    byte[] zeros = new byte[10 * 1024 * 1024];
    DecodeError error = error(token007(zeros));
    assertThat(error.reason()).contains("refusing");
  }

  @Test
  void overlongInputIsRefusedEarly() {
    assertThat(error("007" + "A".repeat(20_000)).reason()).contains("longer than");
  }

  @Test
  void legacyTokenShorterThanItsAppIdIsAnError() {
    DecodeError error = error("006970ca35de");
    assertThat(error.field()).isEqualTo("appId");
    assertThat(error.format()).isEqualTo(TokenFormat.ACCESS_TOKEN_1);
  }

  @Test
  void jwtWithBrokenJsonNamesTheSegment() {
    String header =
        Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"HS256\"}".getBytes());
    String payload = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":".getBytes());
    DecodeError error = error(header + "." + payload + ".c2ln");
    assertThat(error.field()).isEqualTo("payload");
    assertThat(error.reason()).startsWith("invalid JSON");
    assertThat(error("a.b.c.d.e").reason()).contains("JWE");
  }

  private static DecodeError error(String input) {
    DecodeResult result = TokenDecoder.decode(input);
    assertThat(result).isInstanceOf(DecodeError.class);
    return (DecodeError) result;
  }

  static byte[] payload(String token) {
    try {
      java.util.zip.Inflater inflater = new java.util.zip.Inflater();
      inflater.setInput(Base64.getDecoder().decode(token.substring(3)));
      byte[] out = new byte[4096];
      int n = inflater.inflate(out);
      inflater.end();
      return java.util.Arrays.copyOf(out, n);
    } catch (java.util.zip.DataFormatException e) {
      throw new AssertionError(e);
    }
  }

  static String token007(byte[] payload) {
    Deflater deflater = new Deflater();
    deflater.setInput(payload);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    while (!deflater.finished()) {
      out.write(buf, 0, deflater.deflate(buf));
    }
    deflater.end();
    return "007" + Base64.getEncoder().encodeToString(out.toByteArray());
  }
}
