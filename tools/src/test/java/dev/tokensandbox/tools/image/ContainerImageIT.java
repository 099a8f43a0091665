package dev.tokensandbox.tools.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image Jib builds in {@code package} (its configuration on {@code scratch}, offline:
 * see the pom): entrypoint, arguments, non-root user, port, workspace volume, environment, the
 * health-check label and the layers; then the layers themselves run the sandbox with the host's
 * JVM, credentials coming from the environment — what the image runs, without a container runtime.
 */
class ContainerImageIT {
  private static final Path TAR = Path.of("target/image-config.tar");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path root;
  private static JsonNode config;
  private static final Map<String, Integer> modes = new HashMap<>();

  @BeforeAll
  static void unpack() throws IOException {
    assertThat(TAR).as("jib:buildTar ran in package").exists();
    Map<String, byte[]> files = Tar.read(Files.newInputStream(TAR));
    JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
    config = JSON.readTree(files.get(manifest.get("Config").asText()));
    for (JsonNode layer : manifest.get("Layers")) {
      try (InputStream in =
          new GZIPInputStream(new java.io.ByteArrayInputStream(files.get(layer.asText())))) {
        Tar.extract(in, root, modes);
      }
    }
  }

  @Test
  void runsTheHeadlessServerAsANonRootUserOnItsPort() {
    JsonNode c = config.get("config");
    assertThat(texts(c.get("Entrypoint")))
        .containsExactly(
            "java",
            "-XX:+UseSerialGC",
            "-Xms40m",
            "-Xmx256m",
            "-Xmn24m",
            "-XX:SurvivorRatio=2",
            "-XX:InlineSmallCode=500",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:TrimNativeHeapInterval=5000",
            "-cp",
            "@/app/jib-classpath-file",
            "dev.tokensandbox.backend.cli.Main");
    assertThat(texts(c.get("Cmd"))).containsExactly("serve", "--lan", "--port", "8080");
    assertThat(c.get("User").asText()).isEqualTo("65532:65532").doesNotStartWith("0");
    assertThat(c.get("ExposedPorts").has("8080/tcp")).isTrue();
    assertThat(c.get("Volumes").has("/workspace")).isTrue();
    assertThat(texts(c.get("Env"))).contains("TOKEN_SANDBOX_WORKSPACE=/workspace/workspace.json");
    assertThat(c.get("Labels").get("dev.tokensandbox.health-cmd").asText())
        .endsWith("dev.tokensandbox.backend.cli.Main health");
  }

  @Test
  void layersHoldTheAppAndAWritableWorkspace() {
    assertThat(config.get("rootfs").get("diff_ids")).hasSizeGreaterThanOrEqualTo(4);
    assertThat(root.resolve("app/classes/dev/tokensandbox/tools/cli/ToolsCommands.class")).exists();
    assertThat(root.resolve("app/jib-classpath-file")).exists();
    try (var libs = Files.list(root.resolve("app/libs"))) {
      assertThat(libs.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("mock-backend-"))
          .anyMatch(n -> n.startsWith("client-"))
          .anyMatch(n -> n.startsWith("javalin-"))
          .anyMatch(n -> n.startsWith("authentication-"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(modes.get("workspace/") & 0777)
        .as("the volume's directory is writable by the user")
        .isEqualTo(0777);
  }

  @Test
  void theLayersRunTheSandboxWithCredentialsFromTheEnvironment() throws Exception {
    Path ws = root.resolve("ws.json");
    Process p =
        java(
            Map.of(
                "SHENGWANG_APP_ID", "970ca35de60c44645bbae8a215061b33",
                "SHENGWANG_APP_CERTIFICATE", "5cfd2fd1755d40ecb72977518be15d3b",
                "TOKEN_SANDBOX_WORKSPACE", ws.toString()),
            "serve",
            "--port",
            "0",
            "--exit-after-start");
    String out = output(p);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .contains("credentials from the environment: SHENGWANG_APP_ID, SHENGWANG_APP_CERTIFICATE")
        .doesNotContain("5cfd2fd1755d40ecb72977518be15d3b");

    Process bad =
        java(
            Map.of("SHENGWANG_APP_ID", "nothex", "TOKEN_SANDBOX_WORKSPACE", ws.toString()),
            "serve",
            "--port",
            "0",
            "--exit-after-start");
    String said = output(bad);
    assertThat(bad.exitValue()).isEqualTo(2);
    assertThat(said).contains("environment: ").contains("SHENGWANG_APP_ID");

    // A CI service container is addressed by its name: allowed through the environment.
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process serve =
        java(
            Map.of(
                "TOKEN_SANDBOX_ALLOW_HOSTS",
                "token-sandbox",
                "TOKEN_SANDBOX_WORKSPACE",
                ws.toString()),
            "serve",
            "--port",
            String.valueOf(port));
    try {
      java.io.BufferedReader lines =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = lines.readLine()) != null && !line.contains("listening on")) {
        // the banner's first line says the server is up
      }
      assertThat(line).as("the server started").isNotNull();
      assertThat(hostStatus(port, "token-sandbox:8080")).isEqualTo(200);
      assertThat(hostStatus(port, "elsewhere.example:8080")).isEqualTo(421);
      Process healthy = java(Map.of(), "health", "--url", "http://127.0.0.1:" + port);
      assertThat(output(healthy)).startsWith("healthy: ");
      assertThat(healthy.exitValue()).isZero();
      // check and run-preset are in the image: a CI job needs nothing else.
      Process check =
          java(
              Map.of(), "check", "http://127.0.0.1:" + port, "--flow", "shengwang", "--no-renewal");
      String checked = output(check);
      assertThat(checked).contains("✓ uid 0 (the wildcard)", "signatures NOT checked");
      assertThat(check.exitValue()).as(checked).isZero();
      Process preset = java(Map.of(), "run-preset", "renew-after-kick");
      assertThat(output(preset)).contains("1 of 1 presets matched");
      assertThat(preset.exitValue()).isZero();
    } finally {
      serve.destroy();
      serve.waitFor(10, TimeUnit.SECONDS);
    }

    Process health = java(Map.of(), "health", "--url", "http://127.0.0.1:1");
    assertThat(output(health)).startsWith("unhealthy: no answer from http://127.0.0.1:1");
    assertThat(health.exitValue()).isEqualTo(1);
  }

  /**
   * The documented GitHub Actions service container ({@code docs/ci/github-actions-service.yml}):
   * its {@code env} exactly, with the image's own command (LAN mode, every interface), answers the
   * seed routes without a login, addressed by the service's name, and check runs against it.
   */
  @Test
  void theDocumentedServiceContainerConfigurationServesTheSeedRoutesByItsName() throws Exception {
    Map<String, String> env = serviceEnv(Path.of("../docs/ci/github-actions-service.yml"));
    assertThat(env).containsKeys("TOKEN_SANDBOX_DEMO_MODE", "TOKEN_SANDBOX_PAIRING_CODE");
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> args = new ArrayList<>(texts(config.get("config").get("Cmd")));
    args.set(args.indexOf("--port") + 1, String.valueOf(port));
    assertThat(args).contains("--lan");
    Map<String, String> withWorkspace = new java.util.HashMap<>(env);
    withWorkspace.put("TOKEN_SANDBOX_WORKSPACE", root.resolve("service-ws.json").toString());
    Process serve = java(withWorkspace, args.toArray(String[]::new));
    try {
      java.io.BufferedReader lines =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder banner = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null && !line.contains("Server threads")) {
        banner.append(line).append('\n');
      }
      assertThat(banner)
          .contains("Pairing: OFF")
          .doesNotContain(env.get("SHENGWANG_APP_CERTIFICATE"));
      assertThat(rawGet(port, "token-sandbox:8080", "/api/agora/token?channelName=ci&uid=1"))
          .startsWith("HTTP/1.1 200")
          .contains("007");
      assertThat(rawGet(port, "token-sandbox:8080", "/sandbox/health")).startsWith("HTTP/1.1 200");
      Process check =
          java(
              Map.of(
                  "SHENGWANG_APP_ID", env.get("SHENGWANG_APP_ID"),
                  "SHENGWANG_APP_CERTIFICATE", env.get("SHENGWANG_APP_CERTIFICATE")),
              "check",
              "http://127.0.0.1:" + port,
              "--flow",
              "shengwang",
              "--no-renewal");
      String checked = output(check);
      assertThat(check.exitValue()).as(checked).isZero();
      assertThat(checked).contains("✓ signatures");
    } finally {
      serve.destroy();
      serve.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** The {@code env:} of the first service in a workflow file: {@code KEY: "value"} lines. */
  private static Map<String, String> serviceEnv(Path workflow) throws IOException {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    boolean inEnv = false;
    int indent = -1;
    for (String line : Files.readAllLines(workflow)) {
      String trimmed = line.strip();
      int at = line.indexOf(trimmed.isEmpty() ? " " : trimmed.substring(0, 1));
      if (inEnv) {
        if (trimmed.isEmpty() || at <= indent) {
          break;
        }
        int colon = trimmed.indexOf(':');
        env.put(
            trimmed.substring(0, colon).strip(),
            trimmed.substring(colon + 1).strip().replaceAll("^\"|\"$", ""));
      } else if (trimmed.equals("env:") && line.startsWith("        ")) {
        inEnv = true;
        indent = line.indexOf("env:");
      }
    }
    return env;
  }

  /** A raw GET with {@code host} as its Host header; the status line and body. */
  private static String rawGet(int port, String host, String path) throws IOException {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      s.getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The status of GET /ping sent with {@code host} as its Host header (raw socket: any name). */
  private static int hostStatus(int port, String host) throws IOException {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      s.getOutputStream()
          .write(
              ("GET /ping HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String status =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  private static Process java(Map<String, String> env, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(
        root.resolve("app/classes")
            + java.io.File.pathSeparator
            + root.resolve("app/resources")
            + java.io.File.pathSeparator
            + root.resolve("app/libs")
            + "/*");
    cmd.add("dev.tokensandbox.backend.cli.Main");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("SHENGWANG_") || k.startsWith("TOKEN_SANDBOX_"));
    pb.environment().putAll(env);
    pb.environment().put("HOME", root.toString());
    return pb.start();
  }

  private static String output(Process p) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Just enough of ustar to read Jib's output: names, modes, regular files and directories. */
  static final class Tar {
    static Map<String, byte[]> read(InputStream in) throws IOException {
      Map<String, byte[]> out = new HashMap<>();
      each(
          in,
          (name, mode, type, data) -> {
            if (type == '0' || type == 0) {
              out.put(name, data);
            }
          });
      return out;
    }

    static void extract(InputStream in, Path dir, Map<String, Integer> modes) throws IOException {
      each(
          in,
          (name, mode, type, data) -> {
            String clean = name.startsWith("/") ? name.substring(1) : name;
            modes.put(clean, mode);
            Path target = dir.resolve(clean).normalize();
            if (!target.startsWith(dir)) {
              throw new IOException("entry outside the root: " + name);
            }
            if (type == '5') {
              Files.createDirectories(target);
            } else if (type == '0' || type == 0) {
              Files.createDirectories(target.getParent());
              Files.write(target, data);
            }
          });
    }

    interface Entry {
      void on(String name, int mode, int type, byte[] data) throws IOException;
    }

    private static void each(InputStream in, Entry entry) throws IOException {
      byte[] header = new byte[512];
      String longName = null;
      while (in.readNBytes(header, 0, 512) == 512) {
        if (header[0] == 0) {
          return;
        }
        String name = longName != null ? longName : field(header, 0, 100);
        longName = null;
        String prefix = field(header, 345, 155);
        if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
        int mode = (int) octal(header, 100, 8);
        long size = octal(header, 124, 12);
        int type = header[156];
        byte[] data = in.readNBytes((int) size);
        long pad = (512 - size % 512) % 512;
        in.readNBytes((int) pad);
        if (type == 'L') {
          longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
          continue;
        }
        entry.on(name, mode, type, data);
      }
    }

    private static String field(byte[] h, int off, int len) {
      int end = off;
      while (end < off + len && h[end] != 0) {
        end++;
      }
      return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] h, int off, int len) {
      String s = field(h, off, len).trim();
      return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }
  }
}
