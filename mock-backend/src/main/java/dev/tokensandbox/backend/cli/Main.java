package dev.tokensandbox.backend.cli;

import dev.tokensandbox.backend.tokens.InvalidTokenRequestException;
import dev.tokensandbox.backend.workspace.WorkspaceStore.WorkspaceException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code token-sandbox}: the mock backend's command line — {@code issue}, {@code decode}, {@code
 * serve}, {@code health}, and the commands of every {@link CliExtension} on the class path ({@code
 * check} and {@code run-preset} in the command line's jar).
 */
@Command(
    name = "token-sandbox",
    mixinStandardHelpOptions = true,
    version = "Token Sandbox 0.1.0",
    description = "Issue, decode, verify and lint short-lived RTC/RTM/Chat tokens and JWTs.",
    subcommandsRepeatable = false)
public final class Main implements java.util.concurrent.Callable<Integer> {
  /** Exit code for bad input: a bad option value, or text that is not a token. */
  public static final int EXIT_BAD_INPUT = 2;

  /** Exit code for a check that ran and failed (e.g. {@code decode --require-valid}). */
  public static final int EXIT_FAILED = 1;

  private final CliContext context;

  Main(CliContext context) {
    this.context = context;
  }

  /** The option a request field comes from, for errors that name what the user typed. */
  private static final Map<String, String> OPTION_FOR_FIELD =
      Map.ofEntries(
          Map.entry("expireSeconds", "--expire"),
          Map.entry("channelName", "--channel"),
          Map.entry("uid", "--uid"),
          Map.entry("userAccount", "--account"),
          Map.entry("userId", "--user"),
          Map.entry("appId", "--app-id"),
          Map.entry("appCertificate", "--app-certificate"),
          Map.entry("joinChannelExpire", "--join-expire"),
          Map.entry("publishAudioStreamExpire", "--audio-expire"),
          Map.entry("publishVideoStreamExpire", "--video-expire"),
          Map.entry("publishDataStreamExpire", "--data-expire"),
          Map.entry("issuedAt", "--issued-at"),
          Map.entry("salt", "--salt"),
          Map.entry("rtmUserId", "--rtm-user"),
          Map.entry("rtmExpireSeconds", "--rtm-expire"),
          Map.entry("roomUuid", "--room"),
          Map.entry("userUuid", "--user"),
          Map.entry("role", "--role"));

  @Override
  public Integer call() {
    java.util.List<String> names = commandNames();
    context
        .err()
        .println(
            "Missing command: "
                + String.join(", ", names.subList(0, names.size() - 1))
                + " or "
                + names.get(names.size() - 1)
                + ".");
    context.err().println("Run 'token-sandbox --help' for usage.");
    return EXIT_BAD_INPUT;
  }

  /** {@code field} as the option the user typed, when there is one. */
  static String option(String field) {
    if (field == null) {
      return "";
    }
    return OPTION_FOR_FIELD.getOrDefault(field, field);
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.in, System.getenv()));
  }

  /** Runs one command line against the real clock and a SecureRandom; returns the exit code. */
  public static int run(
      String[] args, OutputStream out, OutputStream err, InputStream in, Map<String, String> env) {
    return run(
        args,
        new CliContext(
            writer(out),
            writer(err),
            in,
            env,
            Path.of(System.getProperty("user.home")),
            Clock.systemDefaultZone(),
            new SecureRandom()));
  }

  static int run(String[] args, CliContext context) {
    CommandLine cli = new CommandLine(new Main(context));
    // picocli builds the model of every command it is given, by reflection: a command line that
    // names its command gets only that one (decode starts ~250 ms sooner); anything else — help,
    // a typo, no command — gets all of them for the usage text and the suggestions.
    String named = args.length > 0 ? args[0] : "";
    java.util.List<String> names = commandNames();
    for (String name : names) {
      if (!names.contains(named) || name.equals(named)) {
        cli.addSubcommand(name, command(name, context));
      }
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(context.out());
    cli.setErr(context.err());
    // A usage error is one line naming the option and the rule, and where help is.
    cli.setParameterExceptionHandler(
        (e, badArgs) -> {
          // A mistyped option is the cause of the "missing" one it was meant to be: name it.
          CommandLine where = e.getCommandLine();
          java.util.List<String> unmatched =
              where.getParseResult() == null ? List.of() : where.getParseResult().unmatched();
          if (!(e instanceof CommandLine.UnmatchedArgumentException) && !unmatched.isEmpty()) {
            e = new CommandLine.UnmatchedArgumentException(where, unmatched);
          }
          String message = e.getMessage();
          if (e instanceof CommandLine.UnmatchedArgumentException u) {
            java.util.List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
              message += " (did you mean " + String.join(" or ", suggestions) + "?)";
            }
          }
          e.getCommandLine().getErr().println(message);
          e.getCommandLine()
              .getErr()
              .println(
                  "Run '"
                      + e.getCommandLine().getCommandSpec().qualifiedName()
                      + " --help' for usage.");
          return EXIT_BAD_INPUT;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof InvalidTokenRequestException bad) {
            commandLine.getErr().println("error: " + option(bad.field()) + ": " + bad.rule());
            return EXIT_BAD_INPUT;
          }
          if (e instanceof WorkspaceException) {
            commandLine.getErr().println("error: " + e.getMessage());
            return EXIT_BAD_INPUT;
          }
          if (e instanceof dev.tokensandbox.backend.server.SandboxServer.PortInUseException p) {
            commandLine
                .getErr()
                .println(
                    "error: port "
                        + p.port()
                        + " is in use: try --port 0 (any free port) or stop the other process");
            return EXIT_FAILED;
          }
          throw e;
        });
    try {
      return cli.execute(args);
    } finally {
      context.out().flush();
      context.err().flush();
    }
  }

  /** The subcommands, in the order the usage text lists them. */
  private static final java.util.List<String> COMMANDS =
      java.util.List.of("issue", "decode", "serve", "health");

  /** The commands this module has, then those of every {@link CliExtension} on the class path. */
  static java.util.List<String> commandNames() {
    java.util.List<String> names = new java.util.ArrayList<>(COMMANDS);
    for (CliExtension extension : EXTENSIONS) {
      names.addAll(extension.names());
    }
    return names;
  }

  private static final java.util.List<CliExtension> EXTENSIONS =
      java.util.ServiceLoader.load(CliExtension.class).stream()
          .map(java.util.ServiceLoader.Provider::get)
          .toList();

  private static Object command(String name, CliContext context) {
    return switch (name) {
      case "issue" -> IssueCommands.create(context);
      case "decode" -> new DecodeCommand(context);
      case "serve" -> new ServeCommand(context);
      case "health" -> new HealthCommand(context);
      default ->
          EXTENSIONS.stream()
              .filter(e -> e.names().contains(name))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException(name))
              .command(name);
    };
  }

  private static PrintWriter writer(OutputStream stream) {
    return new PrintWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
