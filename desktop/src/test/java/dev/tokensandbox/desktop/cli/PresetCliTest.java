package dev.tokensandbox.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.client.presets.Presets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresetCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return PresetCli.run(
        List.of(args),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void listsEveryPreset() {
    assertThat(run("list")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(Presets.all().size());
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("backend-down-retry-storm");
  }

  @Test
  void runsPresetsAgainstAnEmbeddedBackendAndPrintsTheirTimelines() {
    assertThat(run("run", "token-over-24h", "renew-after-kick")).isZero();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("token-over-24h — Token lifetime over 24 h")
        .contains("FETCH_FAILED", "field expireSeconds")
        .contains("REJOINED")
        .contains("2 of 2 presets matched");
    assertThat(text).doesNotContainPattern("007eJ[A-Za-z0-9+/]{20}");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void badUseExitsTwoWithOneLine() {
    assertThat(run("run", "no-such-preset")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "unknown preset \"no-such-preset\"; `preset list` shows the ids"
                + System.lineSeparator());
    err.reset();
    assertThat(run()).isEqualTo(2);
    assertThat(run("run")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: preset list");
  }
}
