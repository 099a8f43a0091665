package dev.tokensandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One scenario format: the file's format name is spelled once, by the client core's {@code
 * Scenario}, so every reader and writer goes through its {@code ScenarioFile}.
 */
class OneScenarioFormatTest {
  @Test
  void onlyTheScenarioModelSpellsTheFormatName() throws IOException {
    int[] files = {0};
    List<String> found = new ArrayList<>();
    for (MainSources.Line line : MainSources.lines(files)) {
      if (line.text().contains("\"token-sandbox-scenario\"")
          && !line.file().endsWith("client/presets/Scenario.java")) {
        found.add(line.toString());
      }
    }
    assertThat(files[0]).as("sources scanned").isGreaterThan(200);
    assertThat(found).as("scenario readers or writers beside ScenarioFile").isEmpty();
  }
}
