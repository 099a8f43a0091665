package dev.tokensandbox.backend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokensandbox.backend.server.SandboxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private static final String APP_ID = "970ca35de60c44645bbae8a215061b33";
  private static final String CERT = "5cfd2fd1755d40ecb72977518be15d3b";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @Test
  void issuedRtcTokenDecodesToTheRequestedFieldsAndVerifiesFromTheWorkspace() throws Exception {
    CliRun issued =
        CliRun.run(
            home,
            "issue",
            "rtc",
            "--channel",
            "test",
            "--uid",
            "1234",
            "--role",
            "publisher",
            "--expire",
            "3600",
            "--privilege-expire",
            "1800");
    assertThat(issued.exit()).isZero();
    assertThat(issued.err()).contains("generated sandbox credentials in");
    assertThat(home.resolve(".token-sandbox/workspace.json")).exists();

    CliRun decoded = CliRun.run(home, "decode", issued.out().strip(), "--json");

    assertThat(decoded.exit()).isZero();
    JsonNode report = JSON.readTree(decoded.out());
    assertThat(report.path("status").asText()).isEqualTo("decoded");
    assertThat(report.path("format").asText()).isEqualTo("007");
    assertThat(field(report, "expire").path("raw").asText()).isEqualTo("3600");
    JsonNode rtc = field(field(report, "services"), "rtc");
    assertThat(field(rtc, "channelName").path("raw").asText()).isEqualTo("test");
    assertThat(field(rtc, "uid").path("raw").asText()).isEqualTo("1234");
    JsonNode privileges = field(rtc, "privileges").path("children");
    assertThat(privileges).hasSize(4);
    assertThat(privileges.findValuesAsText("raw")).containsOnly("1800");
    assertThat(report.path("verification").path("verdict").asText()).isEqualTo("VALID");
  }

  @Test
  void humanDecodeShowsFieldsVerdictAndLint() {
    String token =
        CliRun.run(
                home,
                Map.of("SHENGWANG_APP_ID", APP_ID, "SHENGWANG_APP_CERTIFICATE", CERT),
                "",
                "issue",
                "rtc",
                "--channel",
                "",
                "--account",
                "alice",
                "--expire",
                "20")
            .out()
            .strip();

    CliRun decoded = CliRun.run(home, "decode", "--certificate", CERT, "Bearer " + token);

    assertThat(decoded.exit()).isZero();
    assertThat(decoded.out())
        .contains(
            "AccessToken2 (007)",
            "App ID",
            APP_ID,
            "user account \"alice\"",
            "VALID — signature matches the App Certificate",
            "EXPIRES_SOON",
            "WILDCARD_CHANNEL",
            "fix:");
    assertThat(home.resolve(".token-sandbox/workspace.json")).doesNotExist();
  }

  @Test
  void decodeReadsStdinWithDash() {
    String token = CliRun.run(home, "issue", "chat-user", "--user", "bob").out().strip();

    CliRun decoded = CliRun.run(home, Map.of(), "  \"" + token + "\"\n", "decode", "-");

    assertThat(decoded.exit()).isZero();
    assertThat(decoded.out()).contains("userId", "bob", "VALID");
  }

  @Test
  void notATokenExitsTwoWithOneLineOnStderrAndNoStackTrace() {
    CliRun decoded = CliRun.run(home, "decode", "not-a-token");

    assertThat(decoded.exit()).isEqualTo(2);
    assertThat(decoded.out()).isEmpty();
    assertThat(decoded.err().strip())
        .startsWith("error: format: not a token")
        .doesNotContain("\n", "Exception");
  }

  @Test
  void notATokenInJsonModeStillPrintsTheStructuredError() throws Exception {
    CliRun decoded = CliRun.run(home, "decode", "--json", "007eJx!!");

    assertThat(decoded.exit()).isEqualTo(2);
    JsonNode error = JSON.readTree(decoded.out()).path("error");
    assertThat(error.path("field").asText()).isEqualTo("payload");
    assertThat(error.path("offset").asInt()).isEqualTo(6);
  }

  @Test
  void usageErrorsAreOneLineNamingTheOptionPlusWhereHelpIs() {
    CliRun missing = CliRun.run(home, "issue", "rtc");
    CliRun unknown = CliRun.run(home, "issue", "rtc", "--channel", "a", "--colour", "red");
    CliRun both =
        CliRun.run(home, "issue", "rtc", "--channel", "a", "--uid", "1", "--account", "bob");
    CliRun threads =
        CliRun.run(home, "serve", "--threads", "2", "--port", "0", "--exit-after-start");
    CliRun bare = CliRun.run(home);

    assertThat(missing.err())
        .isEqualTo(
            "Missing required option: '--channel=<channel>'\n"
                + "Run 'token-sandbox issue rtc --help' for usage.\n");
    assertThat(unknown.err()).startsWith("Unknown options: '--colour', 'red'\n");
    assertThat(both.err()).contains("--uid", "--account", "mutually exclusive");
    assertThat(threads.err()).startsWith("--threads");
    assertThat(bare.err())
        .isEqualTo(
            "Missing command: issue, decode, serve or health.\n"
                + "Run 'token-sandbox --help' for usage.\n");
    for (CliRun run : new CliRun[] {missing, unknown, both, threads, bare}) {
      assertThat(run.exit()).as(run.err()).isEqualTo(2);
      assertThat(run.err().lines()).as(run.err()).hasSize(2);
      assertThat(run.err()).doesNotContain("Usage:", "Exception");
    }
  }

  @Test
  void badIssueInputIsACleanMessageAndExitTwo() {
    CliRun badChannel = CliRun.run(home, "issue", "rtc", "--channel", "a/b");
    CliRun badExpire = CliRun.run(home, "issue", "rtc", "--channel", "a", "--expire", "90000");
    CliRun badUid = CliRun.run(home, "issue", "rtc", "--channel", "a", "--uid", "-1");
    CliRun notANumber = CliRun.run(home, "issue", "rtm", "--user", "u", "--expire", "soon");
    CliRun halfCredentials =
        CliRun.run(home, Map.of("SHENGWANG_APP_ID", APP_ID), "", "issue", "chat-app");

    assertThat(badChannel.err()).startsWith("error: --channel: may contain only");
    assertThat(badExpire.err())
        .isEqualTo("error: --expire: must be 1..86400 seconds (got 90000)\n");
    assertThat(badUid.err()).startsWith("error: --uid: must be an integer in 0..4294967295");
    assertThat(notANumber.err()).contains("Invalid value for option '--expire'");
    assertThat(halfCredentials.err())
        .startsWith("error: --app-certificate: is required with --app-id");
    for (CliRun run : new CliRun[] {badChannel, badExpire, badUid, notANumber, halfCredentials}) {
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }
  }

  @Test
  void aLegacyRtmTokenIsReadAsWhatItIs() {
    String rtm = CliRun.run(home, "issue", "rtm", "--user", "alice", "--legacy").out().strip();
    assertThat(rtm).startsWith("006");

    CliRun plain = CliRun.run(home, "decode", rtm);
    assertThat(plain.out()).doesNotContain("WILDCARD_UID").contains("decode --user ID");
    CliRun verified = CliRun.run(home, "decode", rtm, "--user", "alice");
    assertThat(verified.out()).contains("VALID").doesNotContain("WILDCARD_UID");
    CliRun wrong = CliRun.run(home, "decode", rtm, "--user", "bob");
    assertThat(wrong.out()).contains("NOT_VERIFIED").doesNotContain(" VALID");
  }

  @Test
  void legacyAndJwtTokensRoundTripThroughTheCli() throws Exception {
    String legacy =
        CliRun.run(home, "issue", "rtc", "--channel", "testing", "--uid", "1234", "--legacy")
            .out()
            .strip();
    CliRun legacyDecoded =
        CliRun.run(home, "decode", legacy, "--channel", "testing", "--uid", "1234");
    assertThat(legacy).startsWith("006");
    assertThat(legacyDecoded.out()).contains("VALID", "LEGACY_006");

    CliRun jwt =
        CliRun.run(
            home,
            "issue",
            "jwt",
            "--flow",
            "ringnity",
            "--sub",
            "customer-123",
            "--claim",
            "email=customer@example.com",
            "--json");
    JsonNode issued = JSON.readTree(jwt.out());
    assertThat(issued.path("expiresAt").asText()).isEqualTo("2026-11-24T12:15:00Z");
    JsonNode claims = field(issued.path("decoded"), "claims");
    assertThat(field(claims, "sub").path("raw").asText()).isEqualTo("customer-123");
    assertThat(field(claims, "email").path("raw").asText()).isEqualTo("customer@example.com");
    assertThat(issued.path("decoded").path("verification").path("verdict").asText())
        .isEqualTo("VALID");
    assertThat(CliRun.run(home, "decode", issued.path("token").asText()).out()).contains("VALID");
  }

  @Test
  void fineGrainedOptionsSetEachPrivilege() throws Exception {
    CliRun issued =
        CliRun.run(
            home,
            "issue",
            "rtc",
            "--channel",
            "c",
            "--uid",
            "9",
            "--role",
            "subscriber",
            "--join-expire",
            "600",
            "--audio-expire",
            "300",
            "--json");
    JsonNode privileges =
        field(
                field(field(JSON.readTree(issued.out()).path("decoded"), "services"), "rtc"),
                "privileges")
            .path("children");

    assertThat(privileges.findValuesAsText("key"))
        .containsExactly("joinChannel", "publishAudioStream");
    assertThat(privileges.findValuesAsText("raw")).containsExactly("600", "300");
  }

  @Test
  void serveOnTheLanPrintsThePairingCodeAndLink() {
    CliRun run = CliRun.run(home, "serve", "--port", "0", "--lan", "--exit-after-start");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).containsPattern("Pairing code: \\d{6} ");
    if (dev.tokensandbox.backend.server.LanAddress.find().isPresent()) {
      assertThat(run.out())
          .containsPattern(
              "Pairing link \\(QR payload\\): tokensandbox://pair\\?url=http%3A%2F%2F[0-9.]+%3A\\d+&code=\\d{6}");
    }
    assertThat(run.out()).contains("Demo mode: off");
  }

  @Test
  void aWorkspaceMissingAKeyIsOneLineAndExit2() throws Exception {
    Path file = home.resolve(".token-sandbox/workspace.json");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "{\"appId\":\"970ca35de60c44645bbae8a215061b33\","
            + "\"appCertificate\":\"5cfd2fd1755d40ecb72977518be15d3b\"}");
    for (String[] command :
        List.of(new String[] {"issue", "chat-app"}, new String[] {"serve", "--port", "0"})) {
      CliRun run = CliRun.run(home, command);
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err().strip())
          .isEqualTo("error: workspace " + file + ": chatsdkJwtSecret: is missing")
          .doesNotContain("Exception");
    }
  }

  @Test
  void workspaceFileIsOwnerOnlyAndHasNoSecretInItsName() throws Exception {
    CliRun.run(home, "issue", "chat-app");
    Path file = home.resolve(".token-sandbox/workspace.json");
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    assertThat(JSON.readTree(file.toFile()).fieldNames())
        .toIterable()
        .containsExactly(
            "appId",
            "appCertificate",
            "chatsdkJwtSecret",
            "ringnityJwtSecret",
            "ringnityApiKey",
            "chatsdkApiKey");
  }

  private static JsonNode field(JsonNode parent, String key) {
    JsonNode list = parent.has("fields") ? parent.path("fields") : parent.path("children");
    for (JsonNode node : list) {
      if (node.path("key").asText().equals(key)) {
        return node;
      }
    }
    throw new AssertionError("no field " + key + " in " + parent);
  }

  @Test
  void serveStartsOnAFreePortAndPrintsTheUrlsToUse() {
    CliRun run = CliRun.run(home, "serve", "--port", "0", "--exit-after-start");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .containsPattern("Token Sandbox backend listening on http://127\\.0\\.0\\.1:\\d+")
        .contains(
            "RINGNITY_API_BASE_URL",
            "Demo mode: on",
            "alice / alice-demo",
            "/api/agora/token?channelName=test");
    assertThat(home.resolve(".token-sandbox/workspace.json")).exists();
  }

  @Test
  void serveRefusesTooFewThreadsAndAPortOutOfRangeBeforeStarting() {
    CliRun threads = CliRun.run(home, "serve", "--port", "0", "--threads", "2");
    assertThat(threads.exit()).isEqualTo(2);
    assertThat(threads.err())
        .contains("--threads: must be at least 3", "got 2")
        .doesNotContain("Exception", "\tat ");
    assertThat(threads.out()).doesNotContain("listening");

    CliRun port = CliRun.run(home, "serve", "--port", "70000");
    assertThat(port.exit()).isEqualTo(2);
    assertThat(port.err()).contains("--port: must be 0 (any free port) to 65535, got 70000");
  }

  @Test
  void theSmallestPoolStartsOnAManyCoreMachine() throws Exception {
    // Jetty leases more acceptors on many cores (2 from 16, 3 from 24): a pool of MIN_THREADS
    // then failed to start with a stack trace. A JVM that sees 32 cores must still serve.
    Process serve =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ActiveProcessorCount=32",
                "-Duser.home=" + home,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve",
                "--port",
                "0",
                "--threads",
                Integer.toString(SandboxServer.MIN_THREADS),
                "--workspace",
                home.resolve("workspace.json").toString(),
                "--exit-after-start")
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("serve.log").toFile())
            .start();
    boolean exited = serve.waitFor(60, TimeUnit.SECONDS);
    serve.destroyForcibly();
    String out = Files.readString(home.resolve("serve.log"), StandardCharsets.UTF_8);
    assertThat(exited).as("serve exited: %s", out).isTrue();
    assertThat(serve.exitValue()).as(out).isZero();
    assertThat(out)
        .contains("listening on http://127.0.0.1:", "Server threads: 3 (--threads; up to 200")
        .doesNotContain("Exception");
  }

  @Test
  void serveTakesAThreadCount() {
    CliRun run = CliRun.run(home, "serve", "--port", "0", "--threads", "5", "--exit-after-start");
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("Server threads: 5 (--threads; up to 200 while requests starve)");
  }

  @Test
  void serveRefusesABadPort() {
    CliRun run = CliRun.run(home, "serve", "--port", "http");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Invalid value for option '--port'");
  }
}
