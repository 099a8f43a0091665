package dev.tokensandbox.desktop.cli;

import dev.tokensandbox.client.presets.Presets;
import dev.tokensandbox.desktop.shell.DesktopOptions;
import dev.tokensandbox.desktop.shell.Screen;
import dev.tokensandbox.desktop.shell.Theme;
import dev.tokensandbox.tools.cli.CheckCommand;
import dev.tokensandbox.tools.cli.PresetCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code token-sandbox-desktop}: opens the window, or runs QA presets headless ({@code preset}).
 * The switches the screenshot and start-up scripts use are hidden from {@code --help} and
 * documented where those scripts are (README "Screenshots", {@code benchmarks/README.md}).
 */
@Command(
    name = "token-sandbox-desktop",
    mixinStandardHelpOptions = true,
    version = "Token Sandbox 0.1.0",
    description =
        "Opens the Token Sandbox window: an embedded mock backend, token issuing and decoding,"
            + " the expiry lab, traffic, devices and scenarios.")
public final class DesktopCommand implements Callable<Integer> {
  /** The headless commands, in the order the usage text lists them. */
  private static final java.util.List<String> COMMANDS =
      java.util.List.of("preset", "run-preset", "check");

  /** What asks for help or the version instead of the window. */
  private static final java.util.Set<String> HELP =
      java.util.Set.of("-h", "--help", "-V", "--version");

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "Port of the window's mock backend, 0 for any free port (default: 8080).")
  int port;

  @Option(
      names = "--theme",
      paramLabel = "THEME",
      description =
          "SYSTEM, LIGHT or DARK for this launch (default: the one chosen in View → Theme).")
  Theme theme;

  // Tooling: scripts/screenshots.sh and benchmarks/startup.sh.
  @Option(names = "--tour", hidden = true)
  boolean tour;

  @Option(names = "--snapshot", hidden = true, paramLabel = "FILE")
  Path snapshot;

  @Option(names = "--screen", hidden = true, paramLabel = "NAME")
  String screen;

  @Option(names = "--paste", hidden = true, paramLabel = "TOKEN", defaultValue = "")
  String paste;

  @Option(names = "--compare", hidden = true, paramLabel = "TOKEN", defaultValue = "")
  String compare;

  @Option(names = "--flow", hidden = true, paramLabel = "FLOW", defaultValue = "")
  String flow;

  @Option(names = "--preset", hidden = true, paramLabel = "ID", defaultValue = "")
  String preset;

  @Option(names = "--issue", hidden = true)
  boolean issue;

  @Option(names = "--devices", hidden = true, paramLabel = "N", defaultValue = "0")
  int devices;

  @Option(names = "--size", hidden = true, paramLabel = "WxH", defaultValue = "")
  String size;

  @Option(names = "--startup-probe", hidden = true)
  boolean startupProbe;

  @Option(names = "--snapshot-starting", hidden = true)
  boolean snapshotStarting;

  private final Consumer<DesktopOptions> window;

  private DesktopCommand(Consumer<DesktopOptions> window) {
    this.window = window;
  }

  @Override
  public Integer call() {
    window.accept(options());
    return 0;
  }

  /** The options, checked; a bad value is a {@link ParameterException} naming the option. */
  DesktopOptions options() {
    if (port < 0 || port > 65_535) {
      throw bad("--port: must be 0..65535, not " + port);
    }
    if (snapshotStarting && snapshot == null) {
      throw bad("--snapshot-starting: needs --snapshot=FILE");
    }
    if (!size.isEmpty()) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(\\d{3,4})x(\\d{3,4})").matcher(size);
      if (!m.matches()
          || Integer.parseInt(m.group(1)) < 900
          || Integer.parseInt(m.group(2)) < 600) {
        throw bad("--size: WIDTHxHEIGHT, at least 900x600 (the window's minimum), not " + size);
      }
    }
    if (devices < 0 || devices > 50) {
      throw bad("--devices: must be 0..50, not " + devices);
    }
    if (!preset.isEmpty() && Presets.byId(preset).isEmpty()) {
      throw bad("--preset: unknown preset \"" + preset + "\"; `preset list` shows the ids");
    }
    if (!flow.isEmpty()
        && java.util.Arrays.stream(dev.tokensandbox.desktop.issue.IssueFlow.values())
            .noneMatch(f -> f.name().equalsIgnoreCase(flow))) {
      throw bad(
          "--flow: must be one of "
              + java.util.List.of(dev.tokensandbox.desktop.issue.IssueFlow.values()).stream()
                  .map(Enum::name)
                  .toList());
    }
    Screen chosen;
    String name = screen != null ? screen : preset.isEmpty() ? "ARCHITECTURE" : "LAB";
    try {
      chosen = Screen.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad("--screen: must be one of " + java.util.List.of(Screen.values()));
    }
    return new DesktopOptions(
        port,
        snapshot,
        chosen,
        paste,
        preset,
        issue,
        devices,
        startupProbe,
        theme,
        tour,
        snapshotStarting,
        compare,
        flow,
        size);
  }

  private ParameterException bad(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /**
   * True when {@code args} can only open the window: options only, none of them help or version.
   */
  static boolean opensTheWindow(String[] args) {
    if (args.length > 0 && !args[0].startsWith("-")) {
      return false;
    }
    for (String arg : args) {
      if (COMMANDS.contains(arg) || HELP.contains(arg)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses {@code args}: opens the window through {@code window}, runs a preset command, or prints
   * help, version or a usage error. Returns the exit code (2 for bad use).
   */
  public static int run(
      String[] args, PrintWriter out, PrintWriter err, Consumer<DesktopOptions> window) {
    CommandLine cli = new CommandLine(new DesktopCommand(window));
    // picocli builds each command's model by reflection (~10 ms for the three headless ones, on
    // the window's path): a command line that only opens the window gets none of them; one that
    // names a command, asks for help or starts with something that is not an option (a typo, then
    // named as an unmatched argument as before) gets all of them.
    if (!opensTheWindow(args)) {
      cli.addSubcommand(new PresetCommand());
      cli.addSubcommand(new PresetCommand.RunPresetTopLevel());
      cli.addSubcommand(new CheckCommand());
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(out);
    cli.setErr(err);
    // A usage error is one line naming the option and the rule, and where help is (exit 2).
    cli.setParameterExceptionHandler(
        (e, badArgs) -> {
          err.println(e.getMessage());
          err.println(
              "Run '"
                  + e.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help' for usage.");
          return 2;
        });
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }
}
