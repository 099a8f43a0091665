package dev.tokensandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The backend, the client core, the Android app and the desktop spell the device protocol through
 * this module: each imports it, and no main source outside it writes a header name, the pairing
 * link's scheme or a fingerprint of its own, or switches on a command's name.
 */
class ProtocolUsedEverywhereTest {
  private static final List<String> SIDES =
      List.of("mock-backend", "sample-android/client", "sample-android/app", "desktop");

  private static final Pattern SPELLED_OUT =
      Pattern.compile(
          "\"X-Sandbox-Device\"|\"X-Pairing-Code\"|\"/?sandbox/devices/ws\"|\"tokensandbox://"
              + "|\"tok:|\"SHA-256\""
              + "|case \"(fetch|join|renew|expireNow|leave|setFault|setPolicy)\""
              + "|equals\\(\"(setFault|setPolicy)\"\\)");

  @Test
  void noSideSpellsTheProtocolItself() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> found = new ArrayList<>();
    List<String> sidesUsingIt = new ArrayList<>();
    int files = 0;
    for (String side : SIDES) {
      Path sources = root.resolve(side).resolve("src/main/java");
      assertThat(sources).as(side).isDirectory();
      try (Stream<Path> walk = Files.walk(sources)) {
        for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
          files++;
          List<String> lines = Files.readAllLines(file);
          if (lines.stream().anyMatch(l -> l.startsWith("import dev.tokensandbox.protocol."))
              && !sidesUsingIt.contains(side)) {
            sidesUsingIt.add(side);
          }
          for (int i = 0; i < lines.size(); i++) {
            if (SPELLED_OUT.matcher(lines.get(i)).find()) {
              found.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
          }
        }
      }
    }
    assertThat(files).as("sources scanned").isGreaterThan(100);
    assertThat(found).isEmpty();
    assertThat(sidesUsingIt).as("sides that import the protocol").containsExactlyElementsOf(SIDES);
  }
}
