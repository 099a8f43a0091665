package dev.tokensandbox.backend.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The decoder never throws and never falls into its internal-error safety net, whatever it is
 * given. jqwik properties (10,000 inputs), plus a seeded loop of {@code fuzz.decoder.inputs}
 * generated and mutated inputs: 10,000 per build, 1,000,000 with {@code -Plong}.
 */
class DecoderFuzzTest {
  private static final String RTC =
      TestFixtures.issuer()
          .rtc(
              RtcTokenRequest.forRole(
                  "fuzz", RtcUser.account("alice"), RtcRole.PUBLISHER, 600, 300))
          .token();
  private static final String LEGACY =
      TestFixtures.issuer()
          .legacyRtc(RtcTokenRequest.forRole("fuzz", RtcUser.uid(7), RtcRole.PUBLISHER, 600, 300))
          .token();
  private static final String JWT =
      new JwtIssuer(new byte[32], TestFixtures.clock(), TestFixtures.fixedSalt(1))
          .issue(JwtKind.CHATSDK, "user-123", 600)
          .token();

  /** RTM, Chat and APaaS in one token: the multi-service field paths. */
  private static final String APAAS_ROOM =
      TestFixtures.issuer().apaasRoomUser("room-1", "user-1", (short) 2, 600).token();

  private static final String[] VALID = {RTC, LEGACY, JWT, APAAS_ROOM};

  @Property(tries = 3000, seed = "1")
  void randomTextNeverThrows(@ForAll String text) {
    assertDecodesSafely(text);
  }

  @Property(tries = 2000, seed = "2")
  void randomBytesBehindEachPrefixNeverThrow(
      @ForAll byte[] bytes, @ForAll @IntRange(min = 0, max = 3) int prefix) {
    String body = Base64.getEncoder().encodeToString(bytes);
    String[] prefixes = {"007", "006970ca35de60c44645bbae8a215061b33", "eyJ", ""};
    assertDecodesSafely(prefixes[prefix] + body);
    assertDecodesSafely(new String(bytes, StandardCharsets.ISO_8859_1));
  }

  @Property(tries = 3000, seed = "3")
  void mutatedValidTokensNeverThrow(@ForAll("mutations") String mutated) {
    assertDecodesSafely(mutated);
  }

  @Property(tries = 2000, seed = "4")
  void compressedGarbageNeverThrows(@ForAll byte[] payload) {
    assertDecodesSafely(TokenDecoderTest.token007(payload));
  }

  @Property(tries = 1, seed = "5")
  void everyTruncationOfEveryFormatNeverThrows() {
    for (String token : VALID) {
      for (int i = 0; i <= token.length(); i++) {
        assertDecodesSafely(token.substring(0, i));
      }
    }
  }

  @net.jqwik.api.Example
  void aSeededLoopOfGeneratedAndMutatedInputsNeverThrows() {
    int inputs = Integer.getInteger("fuzz.decoder.inputs", 10_000);
    java.util.Random random = new java.util.Random(20261201);
    String[] prefixes = {"007", "006", "eyJ", "Bearer 007", "\"007"};
    for (int i = 0; i < inputs; i++) {
      String token = VALID[random.nextInt(VALID.length)];
      String input =
          switch (i % 5) {
            case 0 -> mutate(token, random, 1 + random.nextInt(4));
            case 1 -> token.substring(0, random.nextInt(token.length() + 1));
            case 2 -> prefixes[random.nextInt(prefixes.length)] + randomText(random, 200);
            case 3 -> token + randomText(random, 20);
            default ->
                prefixes[random.nextInt(3)]
                    + java.util.Base64.getEncoder().encodeToString(randomBytes(random, 300));
          };
      assertDecodesSafely(input);
    }
  }

  private static String mutate(String token, java.util.Random random, int edits) {
    StringBuilder out = new StringBuilder(token);
    for (int e = 0; e < edits && out.length() > 0; e++) {
      int at = random.nextInt(out.length());
      char c = (char) (32 + random.nextInt(95));
      switch (random.nextInt(3)) {
        case 0 -> out.setCharAt(at, c);
        case 1 -> out.deleteCharAt(at);
        default -> out.insert(at, c);
      }
    }
    return out.toString();
  }

  private static String randomText(java.util.Random random, int max) {
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(max + 1);
    for (int i = 0; i < length; i++) {
      out.append((char) random.nextInt(random.nextBoolean() ? 128 : 0x3000));
    }
    return out.toString();
  }

  private static byte[] randomBytes(java.util.Random random, int max) {
    byte[] bytes = new byte[random.nextInt(max + 1)];
    random.nextBytes(bytes);
    return bytes;
  }

  @Provide
  Arbitrary<String> mutations() {
    Arbitrary<String> base = Arbitraries.of(VALID);
    Arbitrary<Integer> position = Arbitraries.integers().between(0, 400);
    Arbitrary<Character> replacement = Arbitraries.chars().ascii();
    return Combinators.combine(base, position, replacement, Arbitraries.integers().between(0, 2))
        .as(
            (token, pos, c, kind) -> {
              int at = pos % token.length();
              return switch (kind) {
                case 0 -> token.substring(0, at) + c + token.substring(at + 1);
                case 1 ->
                    token.substring(0, at) + token.substring(Math.min(token.length(), at + 1));
                default -> token.substring(0, at) + c + token.substring(at);
              };
            });
  }

  private static void assertDecodesSafely(String input) {
    DecodeResult result = TokenDecoder.decode(input);
    assertThat(result).isNotNull();
    if (result instanceof DecodeError error) {
      assertThat(error.reason()).doesNotContain("internal decoder error");
      assertThat(error.message()).isNotBlank();
    }
  }
}
