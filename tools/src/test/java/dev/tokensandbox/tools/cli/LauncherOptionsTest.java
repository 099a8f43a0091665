package dev.tokensandbox.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code bin/.launch} hands the JVM, per kind and JDK version, with a stand-in JDK whose
 * {@code java} prints its arguments: native-heap trimming for the two long-running kinds (the
 * headless server and the desktop) on the JDKs that have the option, never for the short commands;
 * the class-archive options per JDK generation; the user's options last.
 */
@EnabledOnOs(OS.LINUX)
class LauncherOptionsTest {
  private static final String TRIM = "-XX:TrimNativeHeapInterval=5000";
  private static final Path LAUNCH = Path.of("../bin/.launch").toAbsolutePath().normalize();

  @TempDir Path dir;
  private Path jar;

  @BeforeEach
  void aJar() throws IOException {
    // glibc, not musl: the machines the project runs on (musl gets no trimming; not testable here).
    try (var musl = Files.newDirectoryStream(Path.of("/lib"), "ld-musl-*")) {
      assumeTrue(!musl.iterator().hasNext(), "a glibc system");
    }
    jar =
        Files.writeString(
            dir.resolve("app.jar"), "not a real jar: the stand-in JDK never opens it");
  }

  private List<String> launch(String version, String kind, String userOptions)
      throws IOException, InterruptedException {
    return run(version, kind, userOptions, LAUNCH.toString(), jar.toString(), kind, "", "--x");
  }

  private List<String> run(String version, String kind, String userOptions, String... command)
      throws IOException, InterruptedException {
    Path jdk = dir.resolve("jdk-" + version);
    Files.createDirectories(jdk.resolve("bin"));
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Path java = jdk.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> cmd = new ArrayList<>(List.of("sh"));
    cmd.addAll(List.of(command));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().keySet().removeIf(k -> k.startsWith("TOKEN_SANDBOX_"));
    pb.environment().put("JAVA_HOME", jdk.toString());
    pb.environment().put("TOKEN_SANDBOX_JAR", jar.toString());
    pb.environment().put("TOKEN_SANDBOX_HOME", dir.resolve("home-" + version + kind).toString());
    if (userOptions != null) {
      pb.environment().put("TOKEN_SANDBOX_JAVA_OPTS", userOptions);
    }
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return new ArrayList<>(out.lines().toList());
  }

  @Test
  void theServerAndTheDesktopHandFreedNativeMemoryBackOnJdksThatCan() throws Exception {
    for (String version : List.of("17.0.9", "17.0.15", "21.0.1", "21.0.8", "22", "25.0.1")) {
      for (String kind : List.of("serve", "desktop")) {
        List<String> args = launch(version, kind, null);
        assertThat(args)
            .as(version + " " + kind)
            .contains("-XX:+UnlockExperimentalVMOptions", TRIM);
        assertThat(args.subList(args.size() - 3, args.size()))
            .as("the program's own arguments last")
            .containsExactly("-jar", jar.toString(), "--x");
      }
    }
  }

  @Test
  void serveGetsItsHeapAndInliningLimitShortCommandsSkipTheOptimizingCompiler() throws Exception {
    String script = Path.of("../bin/token-sandbox").toAbsolutePath().normalize().toString();
    List<String> serve = run("17.0.15", "serve", null, script, "serve", "--port", "0");
    assertThat(serve)
        .contains("-XX:+UseSerialGC", "-Xms40m", "-Xmx256m", "-Xmn24m", "-XX:SurvivorRatio=2")
        .contains("-XX:InlineSmallCode=500", "-XX:+ExitOnOutOfMemoryError", TRIM)
        .doesNotContain("-XX:TieredStopAtLevel=1");
    assertThat(serve.subList(serve.size() - 5, serve.size()))
        .containsExactly("-jar", jar.toString(), "serve", "--port", "0");

    List<String> decode = run("17.0.15", "cli", null, script, "decode", "007e");
    assertThat(decode)
        .contains("-XX:TieredStopAtLevel=1")
        .doesNotContain("-XX:InlineSmallCode=500", TRIM);
  }

  @Test
  void shortCommandsAndOlderJdksGetNoTrimming() throws Exception {
    for (String kind : List.of("cli", "desktop-cli")) {
      assertThat(launch("17.0.15", kind, null)).as(kind).doesNotContain(TRIM);
    }
    for (String version : List.of("17.0.8", "18.0.2", "21", "21.0.0", "unknown")) {
      assertThat(launch(version, "serve", null)).as(version).doesNotContain(TRIM);
    }
  }

  @Test
  void recordsClassesTheWayEachJdkArchivesThemAndTheUsersOptionsComeLast() throws Exception {
    List<String> jdk17 = launch("17.0.15", "desktop", "-Xmx1g -XX:-UseCompressedOops");
    assertThat(jdk17).anyMatch(a -> a.startsWith("-XX:DumpLoadedClassList="));
    assertThat(jdk17.indexOf("-Xmx1g")).isGreaterThan(jdk17.indexOf(TRIM));
    assertThat(jdk17.get(jdk17.indexOf("-Xmx1g") + 1)).isEqualTo("-XX:-UseCompressedOops");

    List<String> jdk25 = launch("25.0.1", "serve", null);
    assertThat(jdk25)
        .contains("-XX:AOTMode=record")
        .anyMatch(a -> a.startsWith("-XX:AOTConfiguration="));
  }
}
