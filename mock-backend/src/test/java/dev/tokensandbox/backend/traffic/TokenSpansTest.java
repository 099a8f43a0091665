package dev.tokensandbox.backend.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

class TokenSpansTest {
  /** The pattern the redactor used before TokenSpans: the oracle. */
  private static final Pattern TOKEN =
      Pattern.compile(
          "00[67][A-Za-z0-9+/=]{16,}|eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  @Property(tries = 5000, seed = "11")
  void findsExactlyWhatThePatternFinds(@ForAll("tokenish") String text) {
    List<List<Integer>> expected = patternSpans(text);
    assertThat(spans(text)).isEqualTo(expected);
    Statistics.collect(expected.isEmpty() ? "no token" : "tokens");
    // The generator must produce real matches often, or the property would prove little.
    Statistics.coverage(c -> c.check("tokens").percentage(p -> p > 5));
  }

  @Property(tries = 2000, seed = "12")
  void agreesOnArbitraryText(@ForAll String text) {
    assertThat(spans(text)).isEqualTo(patternSpans(text));
  }

  @Test
  void boundariesOfEachShape() {
    assertThat(spans("x007" + "A".repeat(16) + "!")).containsExactly(List.of(1, 20));
    assertThat(spans("007" + "A".repeat(15))).isEmpty();
    assertThat(spans("0007" + "+/=".repeat(6))).containsExactly(List.of(1, 22));
    assertThat(spans("eyJabcd.e.")).containsExactly(List.of(0, 10));
    assertThat(spans("eyJabc.e.f")).isEmpty(); // header run too short
    assertThat(spans("eyJabcd..f")).isEmpty(); // empty payload
    assertThat(spans("eyJabcd.ef")).isEmpty(); // no second dot
    assertThat(spans("a eyJab_-.x-.sig_ b")).containsExactly(List.of(2, 17));
  }

  @Test
  void workGrowsLinearlyWithTheTextWhateverItHolds() {
    RedactorTest.adversarial()
        .forEach(
            (name, text) -> {
              String half = text.substring(0, text.length() / 2);
              long full = steps(text);
              long halfSteps = steps(half);
              assertThat(full)
                  .as(name + ": steps per character")
                  .isLessThanOrEqualTo(4L * text.length());
              assertThat((double) full / Math.max(1, halfSteps))
                  .as(name + ": twice the text, twice the work")
                  .isLessThan(2.2);
            });
  }

  /** Positions the scanner looks at to find every token in {@code text}. */
  private static long steps(String text) {
    TokenSpans.Scanner scanner = TokenSpans.in(text);
    int i = 0;
    while (i < text.length()) {
      int end = scanner.endOfTokenAt(i);
      i = end < 0 ? i + 1 : end;
    }
    return scanner.steps();
  }

  /** Text built from tokens, near-misses and the pieces they are made of. */
  @Provide
  Arbitrary<String> tokenish() {
    Arbitrary<String> base64 =
        Arbitraries.strings().withChars("A-Za-z0-9+/=").ofMinLength(12).ofMaxLength(22);
    Arbitrary<String> url = Arbitraries.strings().withChars("A-Za-z0-9_-").ofMaxLength(7);
    Arbitrary<String> agoraLike =
        Arbitraries.of("006", "007", "005", "07").flatMap(p -> base64.map(b -> p + b));
    Arbitrary<String> jwtLike =
        Arbitraries.of("eyJ", "eyj", "ey")
            .flatMap(
                p -> url.list().ofMinSize(1).ofMaxSize(4).map(runs -> p + String.join(".", runs)));
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            agoraLike,
            jwtLike,
            Arbitraries.of("0", "00", ".", "-", "_", "+", "=", " ", "\"", "«", "é"),
            Arbitraries.strings().withChars("A-Za-z0-9").ofMinLength(1).ofMaxLength(8));
    return piece.list().ofMaxSize(8).map(parts -> String.join("", parts));
  }

  private static List<List<Integer>> spans(String text) {
    List<List<Integer>> found = new ArrayList<>();
    TokenSpans.Scanner scanner = TokenSpans.in(text);
    int i = 0;
    while (i < text.length()) {
      int end = scanner.endOfTokenAt(i);
      if (end < 0) {
        i++;
      } else {
        found.add(List.of(i, end));
        i = end;
      }
    }
    return found;
  }

  private static List<List<Integer>> patternSpans(String text) {
    List<List<Integer>> found = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      found.add(List.of(m.start(), m.end()));
    }
    return found;
  }
}
