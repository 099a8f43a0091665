package dev.tokensandbox.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --help} works on every command of the command line's jar, the tools' ones included. */
class HelpEverywhereTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "issue",
        "issue rtc",
        "issue rtm",
        "issue chat-user",
        "issue chat-app",
        "issue apaas-room",
        "issue apaas-user",
        "issue apaas-app",
        "issue fpa",
        "issue jwt",
        "decode",
        "serve",
        "health",
        "check",
        "run-preset",
        "preset",
        "preset list",
        "preset run"
      })
  void helpPrintsUsageAndExits0(String command) {
    List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
    args.removeIf(String::isEmpty);
    args.add("--help");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        Main.run(
            args.toArray(String[]::new), out, err, new ByteArrayInputStream(new byte[0]), Map.of());

    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: token-sandbox");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
