package dev.tokensandbox.backend.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixed token in the test files of Agora's official builders (AgoraIO/Tools, every language),
 * with the values those tests used, as this project's own test data ({@code
 * vectors/official-vectors.json}; each vector names its source files and lines). Each 007 and 006
 * token decodes to exactly those values, verifies with the test certificate and fails with another;
 * the ones the sandbox can issue are rebuilt byte for byte (the signed payload: the builders of
 * different languages compress the same payload differently); the tests' malformed inputs are
 * refused with a decode error, and the obsolete 003–005 keys with the "obsolete" message.
 */
class OfficialVectorsTest {
  private static final JsonNode VECTORS = read();

  static Stream<Arguments> tokens007() {
    return tokens("007");
  }

  static Stream<Arguments> tokens006() {
    return tokens("006");
  }

  static Stream<Arguments> obsolete() {
    return stream(VECTORS.get("tokens"))
        .filter(v -> !v.get("version").asText().matches("00[67]"))
        .map(v -> Arguments.of(v.get("name").asText(), v));
  }

  static Stream<Arguments> malformed() {
    return stream(VECTORS.get("malformed"))
        .filter(m -> m.get("input").isTextual())
        .map(m -> Arguments.of("\"" + m.get("input").asText() + "\"", m));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokens007")
  void accessToken2DecodesToTheValuesItsTestUsed(String name, JsonNode vector) {
    AccessToken2Info token = TestFixtures.decodeAs(AccessToken2Info.class, text(vector, "token"));

    assertThat(token.appId()).isEqualTo(text(vector, "appId"));
    assertThat(token.issueTs()).isEqualTo(vector.get("issueTs").asLong());
    assertThat(token.expire()).isEqualTo(vector.get("expire").asLong());
    assertThat(token.salt()).isEqualTo(vector.get("salt").asLong());
    List<JsonNode> expected = new ArrayList<>(list(vector.get("services")));
    // The builders sort services by type on the wire (stably: repeated types keep their order).
    expected.sort(Comparator.comparingInt(s -> s.get("type").asInt()));
    assertThat(token.services()).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      ServiceInfo actual = token.services().get(i);
      assertThat(actual.known()).as("service %d known", i).isTrue();
      assertThat(actual.type()).isEqualTo(expected.get(i).get("type").asInt());
      assertThat(actual.fields()).isEqualTo(fields(expected.get(i).get("fields")));
      Map<Integer, Long> privileges = new LinkedHashMap<>();
      actual.privileges().forEach(p -> privileges.put(p.id(), p.expire()));
      assertThat(privileges).isEqualTo(privileges(expected.get(i).get("privileges")));
      assertThat(actual.privileges()).noneMatch(p -> p.name().startsWith("privilege"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokens007")
  void accessToken2VerifiesWithItsCertificateAndNotWithAnother(String name, JsonNode vector) {
    AccessToken2Info token = TestFixtures.decodeAs(AccessToken2Info.class, text(vector, "token"));
    if (vector.get("verifies").asBoolean()) {
      assertThat(verdict(token, VerificationKeys.certificate(text(vector, "certificate"))))
          .isEqualTo(Verification.Verdict.VALID);
    }
    assertThat(verdict(token, VerificationKeys.certificate(TestFixtures.OTHER_CERTIFICATE)))
        .isEqualTo(Verification.Verdict.INVALID);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokens006")
  void legacyTokenDecodesAndVerifiesWithTheChannelAndUidItsTestUsed(String name, JsonNode vector) {
    AccessToken1Info token = TestFixtures.decodeAs(AccessToken1Info.class, text(vector, "token"));
    String channel = text(vector, "channel");
    String uid = text(vector, "uid");

    assertThat(token.appId()).isEqualTo(text(vector, "appId"));
    assertThat(token.salt()).isEqualTo(vector.get("salt").asLong());
    assertThat(token.messageTs()).isEqualTo(vector.get("ts").asLong());
    Map<Integer, Long> privileges = new LinkedHashMap<>();
    token.privileges().forEach(p -> privileges.put(p.id(), p.expire()));
    assertThat(privileges).isEqualTo(privileges(vector.get("privileges")));
    assertThat(token.channelMatches(channel)).isTrue();
    assertThat(token.writtenUidMatches(uid)).isTrue();
    VerificationKeys keys =
        VerificationKeys.certificate(text(vector, "certificate")).withAccountGuess(channel, uid);
    assertThat(verdict(token, keys)).isEqualTo(Verification.Verdict.VALID);
    assertThat(
            verdict(
                token,
                VerificationKeys.certificate(TestFixtures.OTHER_CERTIFICATE)
                    .withAccountGuess(channel, uid)))
        .isEqualTo(Verification.Verdict.INVALID);
  }

  @Test
  void uid0AndAccount0AreDifferentLegacyTokensAndEachVerifiesOnlyAsWhatItIs() {
    AccessToken1Info wildcard = legacy("006-rtc-join-uid0");
    AccessToken1Info account0 = legacy("006-rtc-join-uid-string-0");
    String certificate = text(vector("006-rtc-join-uid0"), "certificate");
    String channel = text(vector("006-rtc-join-uid0"), "channel");

    assertThat(verdict(wildcard, VerificationKeys.certificate(certificate).withGuess(channel, "0")))
        .isEqualTo(Verification.Verdict.VALID);
    assertThat(
            verdict(
                account0, VerificationKeys.certificate(certificate).withAccountGuess(channel, "0")))
        .isEqualTo(Verification.Verdict.VALID);
    assertThat(verdict(account0, VerificationKeys.certificate(certificate).withGuess(channel, "0")))
        .isEqualTo(Verification.Verdict.NOT_VERIFIED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokens007")
  void theSandboxRebuildsEveryShapeItCanIssueByteForByte(String name, JsonNode vector) {
    Optional<String> rebuilt = reissue(vector);
    rebuilt.ifPresent(
        token ->
            assertThat(TokenDecoderTest.payload(token))
                .isEqualTo(TokenDecoderTest.payload(text(vector, "token"))));
  }

  @Test
  void theRebuiltShapesCoverTheSingleAndMultiServiceBuilders() {
    List<String> rebuilt =
        stream(VECTORS.get("tokens"))
            .filter(v -> v.get("version").asText().equals("007"))
            .filter(v -> reissue(v).isPresent())
            .map(v -> v.get("name").asText())
            .toList();

    assertThat(rebuilt)
        .contains(
            "rtc-join-uid",
            "rtc-join-uid0",
            "rtm-login-test-user",
            "chat-user",
            "chat-app",
            "rtc-publisher-rtm",
            "apaas-user",
            "apaas-app");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void theOfficialTestsMalformedInputsAreDecodeErrors(String quoted, JsonNode vector) {
    assertThat(TokenDecoder.decode(text(vector, "input"))).isInstanceOf(DecodeError.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("obsolete")
  void obsoleteDynamicKeysAreNamedAsSuch(String name, JsonNode vector) {
    DecodeResult result = TokenDecoder.decode(text(vector, "token"));

    assertThat(result).isInstanceOf(DecodeError.class);
    assertThat(((DecodeError) result).message()).containsAnyOf("obsolete", "not a token");
  }

  /** The token the sandbox issues for the vector's inputs, where it has that builder. */
  private static Optional<String> reissue(JsonNode vector) {
    List<JsonNode> services = list(vector.get("services"));
    services.sort(Comparator.comparingInt(s -> s.get("type").asInt()));
    if (!vector.get("verifies").asBoolean()) {
      return Optional.empty();
    }
    AgoraTokenIssuer issuer =
        new AgoraTokenIssuer(
            new AgoraCredentials(text(vector, "appId"), text(vector, "certificate")),
            TestFixtures.clockAt(Instant.ofEpochSecond(vector.get("issueTs").asLong())),
            TestFixtures.fixedSalt(vector.get("salt").asInt()));
    int expire = vector.get("expire").asInt();
    String shape = services.stream().map(s -> s.get("type").asText()).reduce("", String::concat);
    Map<Integer, Long> first = privileges(services.get(0).get("privileges"));
    Map<String, String> firstFields = fields(services.get(0).get("fields"));
    return switch (shape) {
      case "1" -> Optional.of(issuer.rtc(rtcRequest(services.get(0), expire)).token());
      case "12" -> {
        Map<Integer, Long> rtm = privileges(services.get(1).get("privileges"));
        yield Optional.of(
            issuer
                .rtcWithRtm(
                    rtcRequest(services.get(0), expire),
                    fields(services.get(1).get("fields")).get("userId"),
                    (int) (long) rtm.get(1))
                .token());
      }
      case "2" ->
          first.equals(Map.of(1, (long) expire))
              ? Optional.of(issuer.rtm(firstFields.get("userId"), expire).token())
              : Optional.empty();
      case "5" -> {
        if (first.equals(Map.of(1, (long) expire))) {
          yield Optional.of(issuer.chatUser(firstFields.get("userId"), expire).token());
        }
        yield first.equals(Map.of(2, (long) expire)) && firstFields.get("userId").isEmpty()
            ? Optional.of(issuer.chatApp(expire).token())
            : Optional.empty();
      }
      case "7" -> {
        boolean defaults =
            firstFields.get("roomUuid").isEmpty() && firstFields.get("role").equals("-1");
        if (defaults && first.equals(Map.of(2, (long) expire))) {
          yield Optional.of(issuer.apaasUser(firstFields.get("userUuid"), expire).token());
        }
        yield defaults
                && firstFields.get("userUuid").isEmpty()
                && first.equals(Map.of(3, (long) expire))
            ? Optional.of(issuer.apaasApp(expire).token())
            : Optional.empty();
      }
      case "4" ->
          first.equals(Map.of(1, 0L)) && expire == AgoraTokenIssuer.FPA_LIFETIME
              ? Optional.of(issuer.fpa().token())
              : Optional.empty();
      default -> Optional.empty();
    };
  }

  private static RtcTokenRequest rtcRequest(JsonNode service, int expire) {
    Map<String, String> fields = fields(service.get("fields"));
    String uid = fields.get("uid");
    RtcUser user =
        uid.isEmpty()
            ? RtcUser.uid(0)
            : uid.matches("[1-9]\\d{0,9}") && Long.parseLong(uid) <= TokenRules.MAX_UID
                ? RtcUser.uid(Long.parseLong(uid))
                : RtcUser.account(uid);
    Map<RtcPrivilege, Integer> privileges = new EnumMap<>(RtcPrivilege.class);
    privileges(service.get("privileges"))
        .forEach(
            (id, seconds) -> privileges.put(RtcPrivilege.values()[id - 1], (int) (long) seconds));
    return RtcTokenRequest.withPrivileges(fields.get("channelName"), user, expire, privileges);
  }

  private static AccessToken1Info legacy(String name) {
    return TestFixtures.decodeAs(AccessToken1Info.class, text(vector(name), "token"));
  }

  private static JsonNode vector(String name) {
    return stream(VECTORS.get("tokens"))
        .filter(v -> v.get("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no vector " + name));
  }

  private static Verification.Verdict verdict(DecodedToken token, VerificationKeys keys) {
    return TokenVerifier.verify(token, keys).verdict();
  }

  private static Stream<Arguments> tokens(String version) {
    return stream(VECTORS.get("tokens"))
        .filter(v -> v.get("version").asText().equals(version))
        .map(v -> Arguments.of(v.get("name").asText() + " (" + source(v) + ")", v));
  }

  private static String source(JsonNode vector) {
    return vector.get("sources").get(0).asText().replace("DynamicKey/AgoraDynamicKey/", "");
  }

  /** A service's fields as the decoder writes them (RTM2 permissions flattened, names as JSON). */
  private static Map<String, String> fields(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().equals("permissions")) {
        field
            .getValue()
            .fields()
            .forEachRemaining(
                resource ->
                    resource
                        .getValue()
                        .fields()
                        .forEachRemaining(
                            permission ->
                                out.put(
                                    "permissions."
                                        + ServiceInfo.rtm2Resource(
                                            Integer.parseInt(resource.getKey()))
                                        + "."
                                        + ServiceInfo.rtm2Permission(
                                            Integer.parseInt(permission.getKey())),
                                    permission.getValue().toString())));
      } else {
        out.put(field.getKey(), field.getValue().asText());
      }
    }
    return out;
  }

  private static Map<Integer, Long> privileges(JsonNode node) {
    Map<Integer, Long> out = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(e -> out.put(Integer.parseInt(e.getKey()), e.getValue().asLong()));
    return out;
  }

  private static String text(JsonNode vector, String field) {
    return vector.get(field).asText();
  }

  private static List<JsonNode> list(JsonNode array) {
    return new ArrayList<>(stream(array).toList());
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  private static JsonNode read() {
    try (InputStream in =
        OfficialVectorsTest.class.getResourceAsStream("/vectors/official-vectors.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
