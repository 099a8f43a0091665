package dev.tokensandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One virtual time: no module but this one writes its own {@link Clock} adapter or its own speed
 * limit (the backend's adjustable {@code SandboxTime} is a clock by design, not an adapter).
 */
class OneVirtualTimeTest {
  private static final Pattern OWN_CLOCK =
      Pattern.compile("extends (java\\.time\\.)?Clock\\b|new (java\\.time\\.)?Clock\\(\\)");

  private static final Pattern OWN_LIMIT = Pattern.compile("MAX_SPEED\\s*=\\s*[0-9]");

  @Test
  void noModuleWritesItsOwnClockAdapterOrSpeedLimit() throws IOException {
    int[] files = {0};
    List<String> found = new ArrayList<>();
    for (MainSources.Line line : MainSources.lines(files)) {
      boolean sandboxTime =
          line.file().endsWith("backend/clock/SandboxTime.java")
              && line.text().contains("class SandboxTime extends Clock");
      if ((OWN_CLOCK.matcher(line.text()).find() && !sandboxTime)
          || OWN_LIMIT.matcher(line.text()).find()) {
        found.add(line.toString());
      }
    }
    assertThat(files[0]).as("sources scanned").isGreaterThan(200);
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
