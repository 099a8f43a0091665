package dev.tokensandbox.backend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors as a user meets them: one line, naming the option or the cause, the right exit code. */
class CliErrorsTest {
  @TempDir Path home;

  @Test
  void aBusyPortIsOneLineWithTheWayOutAndExit1() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      CliRun run = CliRun.run(home, "serve", "--port", Integer.toString(port));

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err())
          .isEqualTo(
              "error: port "
                  + port
                  + " is in use: try --port 0 (any free port) or stop the other process\n");
      assertThat(run.out()).doesNotContain("Exception");
    }
  }

  @Test
  void aMistypedOptionIsNamedWithWhatWasMeant() {
    CliRun run = CliRun.run(home, "issue", "rtc", "--chanel", "x");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("Unknown options: '--chanel', 'x' (did you mean --channel?)\n")
        .doesNotContain("Missing required");
    assertThat(run.err().lines()).hasSize(2);
  }

  @Test
  void aMalformedCertificateIsNamed() {
    CliRun run = CliRun.run(home, "decode", "007eJx", "--certificate", "nothex");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("error: --certificate: must be 32 hexadecimal characters (an App Certificate)");
  }

  @Test
  void aWorkspaceInADirectoryThatDidNotExistSaysSo() {
    Path file = home.resolve("no/such/dir/ws.json");

    CliRun run =
        CliRun.run(
            home, Map.of(), "", "issue", "rtm", "--user", "a", "--workspace", file.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.err())
        .contains(
            "warning: the directory "
                + file.getParent()
                + " did not exist: created it for the workspace");
    assertThat(file).exists();
  }
}
