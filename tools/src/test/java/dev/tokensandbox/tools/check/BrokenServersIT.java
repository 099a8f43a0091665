package dev.tokensandbox.tools.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokensandbox.backend.cli.Main;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code check} against a corpus of token servers written as integrators write them — Node, Agora's
 * npm builders ({@code agora-token}, {@code agora-access-token}), the Shengwang or the Gin seed's
 * routes — each with one realistic bug ({@code tools/node-agora/servers/token-server.js}), among
 * them a Gin server issuing the legacy 006 tokens the Shengwang RTC service refuses. Run as a user
 * runs it: {@code token-sandbox check URL --flow F --app-id … --certificate …}, default options
 * (renewal run included, 25 s in real time; the servers are checked side by side). Every broken
 * server exits 1 and its bug is named among the causes; the correct ones exit 0. Skipped, saying
 * why, where Node or the npm packages are missing.
 */
class BrokenServersIT {
  private static final Path TOOL = Path.of("..", "tools", "node-agora");
  private static final String APP_ID = "970ca35de60c44645bbae8a215061b33";
  private static final String CERTIFICATE = "5cfd2fd1755d40ecb72977518be15d3b";

  /** Server (shape:bug) → the cause check must name (null: the server is correct, exit 0). */
  private static final Map<String, String> CORPUS =
      java.util.Collections.unmodifiableMap(
          new java.util.LinkedHashMap<>() {
            {
              put("shengwang:none", null);
              put("gin:none", null);
              put("gin:legacy-006", "LEGACY_006");
              put("shengwang:millis", "EXPIRE_LOOKS_MILLIS");
              put("shengwang:absolute", "EXPIRE_LOOKS_ABSOLUTE");
              put("shengwang:uid-ignored", "identity");
              put("shengwang:stale-cert", "signature");
              put("shengwang:role-ignored", "role");
              put("gin:cached", "cached");
              put("shengwang:cached-keyed", "cached");
              put("shengwang:clock-ahead", "clock");
              put("shengwang:empty-edge", "empty-answer");
              put("gin:empty-edge", "empty-answer");
              put("shengwang:uid-string-0", "uid-0-as-account");
              put("gin:uid-string-0", "uid-0-as-account");
              put("shengwang:uint-overflow", "uid-overflow");
              put("gin:account-mixup", "identity");
              put("shengwang:lifetime-ignored", "lifetime");
            }
          });

  /** The cause keys as the text report names them, to find them in the CLI's output. */
  private static final Map<String, String> SAID =
      Map.ofEntries(
          Map.entry("LEGACY_006", "AccessToken v1 (006)"),
          Map.entry("EXPIRE_LOOKS_MILLIS", "milliseconds"),
          Map.entry("EXPIRE_LOOKS_ABSOLUTE", "EXPIRE_LOOKS_ABSOLUTE"),
          Map.entry("identity", "was asked"),
          Map.entry("signature", "does not verify with the certificate given"),
          Map.entry("role", "a subscriber's token grants publish privileges"),
          Map.entry("cached", "cache"),
          Map.entry("clock", "clock"),
          Map.entry("empty-answer", "the answer holds no token"),
          Map.entry("uid-0-as-account", "uid 0 was signed as the user account \"0\""),
          Map.entry("uid-overflow", "went through a signed 32-bit int"),
          Map.entry("lifetime", "s were asked"));

  private static ExecutorService pool;
  private static final List<Process> servers = new ArrayList<>();

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(CORPUS.size());
  }

  @AfterAll
  static void stop() {
    servers.forEach(Process::destroy);
    pool.shutdownNow();
  }

  @TestFactory
  Stream<DynamicTest> everyBrokenServerIsFoundAndNamedAndTheCorrectOnesAreClean() throws Exception {
    assumeTrue(
        Files.isDirectory(TOOL.resolve("node_modules/agora-token"))
            && Files.isDirectory(TOOL.resolve("node_modules/agora-access-token")),
        "the npm builders are not installed: run `npm ci --prefix tools/node-agora` (.ci/run does)");
    assumeTrue(hasNode(), "node is not on the PATH");
    Map<String, CompletableFuture<Run>> runs = new java.util.LinkedHashMap<>();
    for (String server : CORPUS.keySet()) {
      runs.put(server, CompletableFuture.supplyAsync(() -> check(server), pool));
    }
    return CORPUS.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey() + (e.getValue() == null ? " is clean" : " → " + e.getValue()),
                    () -> {
                      Run run = runs.get(e.getKey()).get(3, TimeUnit.MINUTES);
                      if (e.getValue() == null) {
                        assertThat(run.exit()).as(run.out()).isZero();
                        assertThat(run.out()).as(run.out()).contains("clean: ");
                      } else {
                        assertThat(run.exit()).as(run.out()).isEqualTo(1);
                        assertThat(causes(run.out()))
                            .as(run.out())
                            .anyMatch(c -> c.contains(SAID.get(e.getValue())));
                      }
                    }));
  }

  /** The lines of the "Findings" part of the text report (one per cause). */
  private static List<String> causes(String out) {
    return out.lines().filter(l -> l.matches("\\[\\d+] .*")).toList();
  }

  private record Run(int exit, String out) {}

  private static Run check(String server) {
    try {
      int port =
          start(
              server.substring(0, server.indexOf(':')), server.substring(server.indexOf(':') + 1));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit =
          Main.run(
              new String[] {
                "check",
                "http://127.0.0.1:" + port,
                "--flow",
                server.substring(0, server.indexOf(':')),
                "--app-id",
                APP_ID,
                "--certificate",
                CERTIFICATE
              },
              out,
              err,
              new ByteArrayInputStream(new byte[0]),
              Map.of());
      return new Run(
          exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Run(-1, server + " did not start: " + e.getMessage());
    }
  }

  /** Starts one server of the corpus on a free port and returns the port it prints. */
  private static int start(String shape, String bug) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder("node", "servers/token-server.js")
            .directory(TOOL.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("PORT", "0");
    builder.environment().put("APP_ID", APP_ID);
    builder.environment().put("APP_CERTIFICATE", CERTIFICATE);
    builder.environment().put("SHAPE", shape);
    builder.environment().put("BUG", bug);
    Process process = builder.start();
    synchronized (servers) {
      servers.add(process);
    }
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = lines.readLine();
    if (line == null || !line.startsWith("listening ")) {
      throw new IOException("the server said " + line);
    }
    return Integer.parseInt(line.substring("listening ".length()).strip());
  }

  private static boolean hasNode() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
