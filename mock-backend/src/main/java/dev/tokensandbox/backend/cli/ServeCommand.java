package dev.tokensandbox.backend.cli;

import dev.tokensandbox.backend.clock.SandboxTime;
import dev.tokensandbox.backend.internal.customer.CustomerAuth;
import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.backend.workspace.WorkspaceStore;
import dev.tokensandbox.protocol.PairingPayload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code serve}: the mock backend, headless. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the mock customer backend and provider mocks until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port (0 = any free port; default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Threads the server's pool runs with (at least 3: one accepts, one selects, one serves;"
              + " default: 2 per core, at least 3 — here ${DEFAULT-VALUE}). Few threads keep the"
              + " tail latency low; the pool grows up to 200 only while requests are starving.")
  int threads = SandboxServer.defaultThreads();

  @Option(
      names = "--lan",
      description = "Listen on all interfaces so a phone can connect (turns demo mode off).")
  boolean lan;

  @Option(
      names = "--demo-users",
      negatable = true,
      description =
          "Let the documented demo users (alice, customer) log in (default: on, off with --lan:"
              + " their passwords are public; also $TOKEN_SANDBOX_DEMO_USERS=true|false).")
  Boolean demoUsers;

  @Option(
      names = "--demo-mode",
      negatable = true,
      description =
          "Accept the seeds' unauthenticated requests (default: on, off with --lan; also"
              + " $TOKEN_SANDBOX_DEMO_MODE=true|false).")
  Boolean demoMode;

  @Option(
      names = "--pairing-code",
      paramLabel = "CODE",
      description =
          "With --lan: a fixed 6-digit pairing code, or off for no pairing gate"
              + " (only in a network you control, e.g. a CI job's). Also from"
              + " $TOKEN_SANDBOX_PAIRING_CODE. Default: a random code.")
  String pairingCode;

  @Option(
      names = "--cors",
      paramLabel = "ORIGIN",
      description = "Allow browser calls from ORIGIN (repeatable).")
  List<String> cors = new ArrayList<>();

  @Option(
      names = "--cors-admin",
      description =
          "Let the --cors origins call the sandbox API (/sandbox/*) too; without it they reach"
              + " only the app-facing routes.")
  boolean corsAdmin;

  @Option(
      names = "--allow-host",
      paramLabel = "NAME",
      description =
          "Also answer requests addressed to NAME (repeatable): a DNS name for this machine."
              + " Others than localhost, the loopback addresses and, with --lan, this machine's"
              + " addresses and host name get 421. Also from $TOKEN_SANDBOX_ALLOW_HOSTS"
              + " (comma-separated; a CI service container's name).")
  List<String> allowHosts = new ArrayList<>();

  @Option(
      names = "--provider-base-url",
      description = "Send provider calls to another server instead of the built-in mocks.")
  String providerBaseUrl;

  @Option(
      names = "--workspace",
      paramLabel = "FILE",
      description = "Workspace file (default as for issue).")
  Path workspace;

  @Option(
      names = "--exit-after-start",
      hidden = true,
      description = "Start, print the banner, stop (smoke tests, startup timing).")
  boolean exitAfterStart;

  @Spec CommandSpec spec;

  ServeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    SandboxServer.Builder builder;
    try {
      builder = SandboxServer.builder().port(port).threads(threads);
    } catch (IllegalArgumentException e) {
      // The builder owns the rules; on the command line they are about options.
      throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
    }
    WorkspaceStore store = context.workspace(workspace);
    AsyncLineWriter log =
        AsyncLineWriter.start(
            context.out(), AsyncLineWriter.DEFAULT_CAPACITY, AsyncLineWriter.DEFAULT_INTERVAL);
    List<String> fromEnv = new ArrayList<>();
    Workspace ws =
        EnvCredentials.apply(store.loadOrCreate(context.random()), context::env, fromEnv);
    if (ws.problem().isPresent()) {
      // A bad value from the environment: name the variable, not the workspace field.
      throw new ParameterException(
          spec.commandLine(),
          "environment: " + ws.problem().get() + " (from " + String.join(", ", fromEnv) + ")");
    }
    if (!fromEnv.isEmpty()) {
      context
          .err()
          .println("note: credentials from the environment: " + String.join(", ", fromEnv));
    }
    builder
        .workspace(ws)
        .time(new SandboxTime(context.clock()))
        .random(context.random())
        .lan(lan)
        .corsOrigins(cors)
        .corsAdmin(corsAdmin)
        .allowedHosts(allowedHosts())
        .providerBaseUrl(providerBaseUrl)
        .log(log);
    // A flag wins; else the container-friendly variables (a CI service container has no flags).
    Boolean demo = demoMode != null ? demoMode : envSwitch("TOKEN_SANDBOX_DEMO_MODE");
    if (demo != null) {
      builder.demoMode(demo);
    }
    Boolean users = demoUsers != null ? demoUsers : envSwitch("TOKEN_SANDBOX_DEMO_USERS");
    if (users != null) {
      builder.demoUsers(users);
    }
    String code = pairingCode != null ? pairingCode : context.env("TOKEN_SANDBOX_PAIRING_CODE");
    try {
      builder.pairingCode(code);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(),
          (pairingCode != null ? "--pairing-code: " : "environment: TOKEN_SANDBOX_PAIRING_CODE: ")
              + e.getMessage());
    }
    SandboxServer server = builder.start();
    banner(server, store.file());
    if (exitAfterStart) {
      server.close();
      log.close();
      return 0;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  log.close();
                  stopped.countDown();
                },
                "sandbox-shutdown"));
    stopped.await();
    return 0;
  }

  /** --allow-host, and the names in $TOKEN_SANDBOX_ALLOW_HOSTS (containers cannot add flags). */
  /**
   * A true/false variable ({@code true}, {@code on}, {@code 1} / {@code false}, {@code off}, {@code
   * 0}).
   */
  private Boolean envSwitch(String name) {
    String value = context.env(name);
    if (value == null) {
      return null;
    }
    switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "on", "1", "yes" -> {
        return true;
      }
      case "false", "off", "0", "no" -> {
        return false;
      }
      default ->
          throw new ParameterException(
              spec.commandLine(),
              "environment: " + name + " must be true or false, not \"" + value + "\"");
    }
  }

  private List<String> allowedHosts() {
    List<String> out = new ArrayList<>(allowHosts);
    String env = context.env("TOKEN_SANDBOX_ALLOW_HOSTS");
    if (env != null) {
      for (String name : env.split(",")) {
        if (!name.isBlank()) {
          out.add(name.strip());
        }
      }
    }
    return out;
  }

  private void banner(SandboxServer server, Path workspaceFile) {
    var out = context.out();
    out.println(
        "Token Sandbox backend listening on "
            + server.url()
            + (lan ? " and on every interface at port " + server.port() : ""));
    out.println(
        "  Provider mocks (RINGNITY_API_BASE_URL, CHATSDK_API_URL): " + server.providerBaseUrl());
    if (lan && server.pairingCode().isEmpty()) {
      out.println(
          "  Pairing: OFF (TOKEN_SANDBOX_PAIRING_CODE=off): any address that reaches this port may"
              + " use the sandbox API — only in a network you control");
    }
    server
        .pairingCode()
        .ifPresent(
            code -> {
              String lanUrl =
                  dev.tokensandbox.backend.server.LanAddress.find()
                      .map(host -> "http://" + host + ":" + server.port())
                      .orElse(null);
              out.println(
                  "  Pairing code: "
                      + code
                      + " (a phone sends it as X-Pairing-Code; 5 wrong codes per minute per"
                      + " address; after 20 wrong codes from anyone typing it is locked for 10"
                      + " min — the pairing link below still works)");
              if (lanUrl == null) {
                out.println(
                    "  LAN address: none found on this machine's interfaces; the pairing secret"
                        + " for a link of your own (tokensandbox://pair?url=…&code=SECRET): "
                        + server.pairing().orElseThrow().secret());
              } else {
                out.println("  Phone URL: " + lanUrl);
                out.println(
                    "  Pairing link (QR payload): "
                        + PairingPayload.format(lanUrl, server.pairing().orElseThrow().secret()));
              }
              server
                  .pairing()
                  .orElseThrow()
                  .onLock(
                      lock ->
                          out.println("Pairing locked at " + lock.at() + ": " + lock.describe()));
            });
    out.println(
        "  Server threads: "
            + server.threads()
            + " (--threads; up to "
            + SandboxServer.MAX_THREADS
            + " while requests starve)");
    out.println(
        "  Workspace: " + workspaceFile + " (App ID " + server.admin().workspace().appId() + ")");
    out.println(
        "  Demo mode: "
            + (server.admin().settings().demoMode()
                ? "on: the seeds' requests work without logging in"
                : "off: POST /auth/login first"));
    out.println(
        "  Demo users"
            + (server.admin().settings().demoUsers() ? "" : " (off: --demo-users turns them on)")
            + ": "
            + String.join(
                ", ",
                CustomerAuth.DEMO_PASSWORDS.entrySet().stream()
                    .map(e -> e.getKey() + " / " + e.getValue())
                    .sorted()
                    .toList()));
    out.println(
        "  Try: curl \""
            + server.url()
            + dev.tokensandbox.protocol.Route.AGORA_RTC.path()
            + "?channelName=test&uid=12345&role=publisher&expireSeconds=3600\"");
    out.flush();
  }
}
