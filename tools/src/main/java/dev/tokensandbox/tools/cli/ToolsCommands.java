package dev.tokensandbox.tools.cli;

import dev.tokensandbox.backend.cli.CliExtension;
import java.util.List;

/**
 * The headless tools' commands for {@code token-sandbox} (registered in {@code META-INF/services}):
 * {@code check}, {@code run-preset} and {@code preset list|run}.
 */
public final class ToolsCommands implements CliExtension {
  @Override
  public List<String> names() {
    return List.of("check", "run-preset", "preset");
  }

  @Override
  public Object command(String name) {
    return switch (name) {
      case "check" -> new CheckCommand();
      case "run-preset" -> new PresetCommand.RunPresetTopLevel();
      case "preset" -> new PresetCommand();
      default -> throw new IllegalArgumentException(name);
    };
  }
}
