package dev.tokensandbox.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar's real entry point, as a user runs it: usage errors are one line and a hint on
 * stderr with exit 2, bad values name the option typed, a bare command exits 2.
 */
class CliJarIT {
  @TempDir Path home;

  record Run(int exit, String out, String err) {}

  private Run jar(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Duser.home=" + home);
    cmd.add("-jar");
    cmd.add(Path.of("target/token-sandbox.jar").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("SHENGWANG_") || k.startsWith("TOKEN_SANDBOX_"));
    pb.environment().put("TOKEN_SANDBOX_WORKSPACE", home.resolve("ws.json").toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, err);
  }

  @Test
  void theLauncherMakesItsArchiveOnceAndBehavesAsTheJar() throws Exception {
    Path launcher = Path.of("../bin/token-sandbox").toAbsolutePath().normalize();
    Run token = jar("issue", "rtc", "--channel", "a", "--uid", "7");
    String t = token.out().strip();
    boolean aot = Runtime.version().feature() >= 24;
    String record = aot ? ".aotconf" : ".classlist";
    String archive = aot ? ".aot" : ".jsa";

    // Run 1 records the classes it loads.
    Run first = launch(launcher, "decode", t);
    Path cds = home.resolve("sandbox-home/cds");
    assertThat(names(cds))
        .singleElement()
        .satisfies(n -> assertThat(n).startsWith("token-sandbox-cli-").endsWith(record));
    // Run 2 builds the archive from the record in the background; it appears whole, by rename.
    try (WatchService watch = cds.getFileSystem().newWatchService()) {
      cds.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
      Run building = launch(launcher, "decode", t);
      assertThat(building.exit()).isZero();
      while (names(cds).noneMatch(n -> n.endsWith(archive))) {
        WatchKey key = watch.poll(60, TimeUnit.SECONDS);
        assertThat(key).as("the archive within a minute").isNotNull();
        key.pollEvents();
        key.reset();
      }
    }
    assertThat(names(cds))
        .anySatisfy(n -> assertThat(n).startsWith("token-sandbox-cli-").endsWith(archive))
        .noneSatisfy(n -> assertThat(n).endsWith(".part"));
    Run second = launch(launcher, "decode", t);
    assertThat(second.exit()).isEqualTo(first.exit()).isZero();
    // The same report (the countdown moves between runs).
    assertThat(timeless(second.out()))
        .isEqualTo(timeless(first.out()))
        .isEqualTo(timeless(jar("decode", t).out()))
        .contains("VALID");
    assertThat(second.err()).as("no CDS chatter").isEmpty();

    Run bad = launch(launcher, "issue", "rtc", "--channel", "a", "--expire", "90000");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().strip())
        .isEqualTo("error: --expire: must be 1..86400 seconds (got 90000)");
  }

  private static java.util.stream.Stream<String> names(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList().stream();
    }
  }

  private static String timeless(String report) {
    return report.replaceAll("expires in [0-9:]+", "expires in …");
  }

  private Run launch(Path launcher, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add("sh");
    cmd.add(launcher.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("SHENGWANG_") || k.startsWith("TOKEN_SANDBOX_"));
    pb.environment().put("TOKEN_SANDBOX_WORKSPACE", home.resolve("ws.json").toString());
    pb.environment().put("TOKEN_SANDBOX_HOME", home.resolve("sandbox-home").toString());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, err);
  }

  @Test
  void usageErrorsBadValuesAndABareCommand() throws Exception {
    Run missing = jar("issue", "rtc");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err().lines())
        .containsExactly(
            "Missing required option: '--channel=<channel>'",
            "Run 'token-sandbox issue rtc --help' for usage.");

    Run expire = jar("issue", "rtc", "--channel", "a", "--expire", "90000");
    assertThat(expire.exit()).isEqualTo(2);
    assertThat(expire.err().strip())
        .isEqualTo("error: --expire: must be 1..86400 seconds (got 90000)");
    assertThat(expire.out()).isEmpty();

    Run bare = jar();
    assertThat(bare.exit()).isEqualTo(2);
    assertThat(bare.err()).startsWith("Missing command");

    Run ok = jar("issue", "rtc", "--channel", "a", "--uid", "7");
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out().strip()).startsWith("007");
  }
}
