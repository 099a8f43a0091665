package dev.tokensandbox.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run-preset's JUnit XML as a CI reads it: who ran (file, what-if), wall time, virtual time. */
class RunPresetReportTest {
  @TempDir Path dir;

  @Test
  void aScenarioAndAPresetAreNamedApartWithWallTimeAndVirtualTime() throws Exception {
    Path scenario = dir.resolve("expiry-bug.json");
    Files.writeString(
        scenario,
        "{\"format\":\"token-sandbox-scenario\",\"version\":1,"
            + "\"labPreset\":\"renew-after-kick\",\"labTrigger\":\"REQUEST_TOKEN\"}");
    Path xml = dir.resolve("presets.xml");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        Main.run(
            new String[] {
              "run-preset", "renew-after-kick", scenario.toString(), "--junit", xml.toString()
            },
            out,
            new ByteArrayOutputStream(),
            new ByteArrayInputStream(new byte[0]),
            Map.of());

    String report = Files.readString(xml, StandardCharsets.UTF_8);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("presets matched");
    assertThat(exit).isBetween(0, 1);
    assertThat(report)
        .contains("name=\"renew-after-kick\"")
        .contains("name=\"expiry-bug.json (renew-after-kick, what-if trigger REQUEST_TOKEN)\"")
        .contains("<property name=\"virtualSeconds\"");
    Matcher times = Pattern.compile("time=\"([0-9.]+)\"").matcher(report);
    Matcher virtual =
        Pattern.compile("name=\"virtualSeconds\" value=\"([0-9.]+)\"").matcher(report);
    assertThat(times.find() && virtual.find()).isTrue();
    // The run takes well under a second of wall time for minutes of virtual time.
    assertThat(Double.parseDouble(times.group(1))).isLessThan(Double.parseDouble(virtual.group(1)));
  }
}
