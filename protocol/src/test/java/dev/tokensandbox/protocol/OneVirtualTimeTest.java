package dev.tokensandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One virtual time: no module but this one writes its own {@link Clock} adapter or its own speed
 * limit (the backend's adjustable {@code SandboxTime} is a clock by design, not an adapter).
 */
class OneVirtualTimeTest {
  private static final List<String> MODULES =
      List.of(
          "mock-backend",
          "sample-android/client",
          "sample-android/app",
          "tools",
          "desktop",
          "junit");

  private static final Pattern OWN_CLOCK =
      Pattern.compile("extends (java\\.time\\.)?Clock\\b|new (java\\.time\\.)?Clock\\(\\)");

  private static final Pattern OWN_LIMIT = Pattern.compile("MAX_SPEED\\s*=\\s*[0-9]");

  @Test
  void noModuleWritesItsOwnClockAdapterOrSpeedLimit() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> found = new ArrayList<>();
    int files = 0;
    for (String module : MODULES) {
      try (Stream<Path> walk = Files.walk(root.resolve(module).resolve("src/main/java"))) {
        for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
          files++;
          List<String> lines = Files.readAllLines(file);
          for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean sandboxTime =
                file.endsWith("backend/clock/SandboxTime.java")
                    && line.contains("class SandboxTime extends Clock");
            if ((OWN_CLOCK.matcher(line).find() && !sandboxTime)
                || OWN_LIMIT.matcher(line).find()) {
              found.add(root.relativize(file) + ":" + (i + 1) + ": " + line.strip());
            }
          }
        }
      }
    }
    assertThat(files).as("sources scanned").isGreaterThan(200);
    assertThat(found).isEmpty();
  }

  @Test
  void theAdapterReadsItsSourceAndKeepsAZoneWhenAskedForOne() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));
    Clock clock = VirtualTime.clock(now::get);

    now.set(Instant.parse("2026-12-07T11:30:00Z"));

    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-07T11:30:00Z"));
    assertThat(clock.getZone()).isEqualTo(java.time.ZoneOffset.UTC);
    Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(paris.instant()).isEqualTo(clock.instant());
    assertThat(clock.withZone(java.time.ZoneOffset.UTC)).isSameAs(clock);
  }
}
