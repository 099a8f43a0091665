package dev.tokensandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One route table: no module spells a route's path in a string literal (the server registers {@link
 * Route}s, the clients build requests from them), and the README's endpoint table lists every route
 * as the seeds write it.
 */
class OneRouteTableTest {
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** Each route's fixed beginning, up to its first path parameter, with and without the slash. */
  private static Set<String> spellings() {
    Set<String> out = new LinkedHashSet<>();
    for (Route r : Route.values()) {
      String path = r.path();
      int param = path.indexOf('{');
      String fixed = param < 0 ? path : path.substring(0, param);
      out.add(fixed);
      if (fixed.indexOf('/', 1) > 0) {
        out.add(fixed.substring(1)); // "api/agora/token"; a bare word ("tokens") is no path
      }
    }
    out.remove("");
    return out;
  }

  @Test
  void noModuleSpellsARoutesPath() throws IOException {
    Set<String> spellings = spellings();
    List<String> found = new ArrayList<>();
    int[] files = {0};
    for (MainSources.Line source : MainSources.lines(files)) {
      String line = source.text().strip();
      if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
        continue; // documentation may name a route
      }
      Matcher m = LITERAL.matcher(line);
      while (m.find()) {
        String literal = m.group(1);
        for (String spelling : spellings) {
          if (literal.equals(spelling)
              || (spelling.length() > 1 && spelling.endsWith("/") && literal.startsWith(spelling))
              || literal.startsWith(spelling + "?")) {
            found.add(source.toString());
          }
        }
      }
    }
    assertThat(files[0]).as("sources scanned").isGreaterThan(200);
    assertThat(found).as("route paths spelled outside the route table").isEmpty();
  }

  @Test
  void theReadmesEndpointTableListsEveryRoute() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> rows = new ArrayList<>();
    for (String line : readme.split("\n")) {
      if (line.startsWith("| `")) {
        rows.add(line);
      }
    }
    List<String> missing = new ArrayList<>();
    for (Route r : Route.values()) {
      String display = r.display();
      String bare =
          display.length() > 1 && display.endsWith("/")
              ? display.substring(0, display.length() - 1)
              : display;
      Pattern named = Pattern.compile("(?<![\\w/:.-])" + Pattern.quote(bare) + "/?(?![\\w-])");
      boolean listed =
          rows.stream()
              .anyMatch(
                  row ->
                      named.matcher(row).find()
                          && row.contains(r.isWebSocket() ? "WS" : r.method()));
      if (!listed) {
        missing.add(r.name() + " " + r);
      }
    }
    assertThat(rows).as("endpoint table rows").hasSizeGreaterThan(10);
    assertThat(missing).as("routes the README's endpoint table does not list").isEmpty();
  }

  @Test
  void pathsAreBuiltFromTheTemplateWithEachValueEncoded() {
    assertThat(Route.GIN_RTC.path("a b/c", "publisher", "uid", "7"))
        .isEqualTo("/rtc/a%20b%2Fc/publisher/uid/7/");
    assertThat(Route.GIN_RTC.display()).isEqualTo("/rtc/:channelName/:role/:tokentype/:uid/");
    assertThat(Route.GIN_RTC.segments("ch", "publisher", "uid", "7"))
        .containsExactly("rtc", "ch", "publisher", "uid", "7", "");
    assertThat(Route.SANDBOX_DEVICE_COMMANDS.path("pixel-7"))
        .isEqualTo("/sandbox/devices/pixel-7/commands");
    assertThat(Route.AGORA_RTC.path()).isEqualTo("/api/agora/token");
    assertThat(Route.AGORA_RTC).hasToString("GET /api/agora/token");
    assertThat(Flow.GIN.tokenRoute()).isEqualTo(Route.GIN_RTC);
    assertThatThrownBy(() -> Route.GIN_RTC.path("only-one"))
        .hasMessageContaining("takes 4 path values");
  }
}
