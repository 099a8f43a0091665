package dev.tokensandbox.backend.cli;

import dev.tokensandbox.backend.tokens.AccessToken1Info;
import dev.tokensandbox.backend.tokens.AccessToken2Info;
import dev.tokensandbox.backend.tokens.DecodeResult;
import dev.tokensandbox.backend.tokens.DecodedToken;
import dev.tokensandbox.backend.tokens.JwtInfo;
import dev.tokensandbox.backend.tokens.TokenDecoder;
import dev.tokensandbox.backend.tokens.TokenReport;
import dev.tokensandbox.backend.tokens.VerificationKeys;
import dev.tokensandbox.backend.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code decode TOKEN|-}: field tree, signature verdict and lint findings. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Decode a 007, 006 or JWT token; verify it when a certificate or secret is known.",
      "Exit 0 when decoded, 2 when the input is not a token."
    })
final class DecodeCommand implements Callable<Integer> {
  /** Reading stdin stops here: nothing longer is a token. */
  private static final int MAX_STDIN = 64 * 1024;

  private final CliContext context;

  @Parameters(
      index = "0",
      paramLabel = "TOKEN",
      description = "The token, or - to read it from stdin.")
  String token;

  @Option(
      names = "--certificate",
      description =
          "App Certificate to verify 007/006 signatures with"
              + " (default: $SHENGWANG_APP_CERTIFICATE or the workspace's, when the App ID matches).")
  String certificate;

  @Option(
      names = "--secret",
      description = "HS256 secret to verify a JWT with (default: the workspace's).")
  String secret;

  @Option(
      names = "--channel",
      description = "006 only: channel guess, checked against the token's CRC32.")
  String channelGuess;

  @Option(names = "--uid", description = "006 only: uid guess, checked against the token's CRC32.")
  String uidGuess;

  @Option(
      names = "--user",
      description =
          "006 RTM only: the user id the token was built for (RTM v1 keeps it where RTC keeps the"
              + " channel), to verify its signature.")
  String userGuess;

  @Option(
      names = "--workspace",
      paramLabel = "FILE",
      description = "Workspace file to take credentials from.")
  Path workspace;

  @Option(names = "--json", description = "Print the stable JSON report (docs/decode-json.md).")
  boolean json;

  DecodeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    String input = "-".equals(token) ? readStdin() : token;
    DecodeResult result = TokenDecoder.decode(input);
    VerificationKeys keys =
        result instanceof DecodedToken decoded ? keysFor(decoded) : VerificationKeys.none();
    TokenReport report = TokenReport.of(result, keys, context.clock());
    if (json) {
      Json.print(context.out(), report);
    } else if (report.decoded()) {
      HumanReport.print(context.out(), report);
    }
    if (!report.decoded()) {
      context.err().println("error: " + report.error().message());
      return Main.EXIT_BAD_INPUT;
    }
    return 0;
  }

  private String readStdin() throws IOException {
    byte[] bytes = context.in().readNBytes(MAX_STDIN + 1);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private VerificationKeys keysFor(DecodedToken decoded) {
    if (decoded instanceof JwtInfo jwt) {
      return VerificationKeys.jwtSecret(
          secret != null ? secret : workspaceSecret(jwt).orElse(null));
    }
    String appId =
        decoded instanceof AccessToken2Info t ? t.appId() : ((AccessToken1Info) decoded).appId();
    String cert = certificate != null ? certificate : certificateFor(appId).orElse(null);
    if (userGuess != null) {
      return VerificationKeys.certificate(cert).withGuess(userGuess, "");
    }
    return VerificationKeys.certificate(cert).withGuess(channelGuess, uidGuess);
  }

  private Optional<String> certificateFor(String appId) {
    String envCert = context.env(Credentials.CERTIFICATE_ENV);
    String envId = context.env(Credentials.APP_ID_ENV);
    if (envCert != null && (envId == null || envId.equalsIgnoreCase(appId))) {
      return Optional.of(envCert);
    }
    return existingWorkspace()
        .filter(w -> w.appId().equalsIgnoreCase(appId))
        .map(Workspace::appCertificate);
  }

  private Optional<String> workspaceSecret(JwtInfo jwt) {
    String audience = jwt.stringClaim("aud").orElse("");
    return existingWorkspace()
        .map(w -> audience.startsWith("ringnity") ? w.ringnityJwtSecret() : w.chatsdkJwtSecret());
  }

  /** Decoding never creates a workspace; it only reads one that exists. */
  private Optional<Workspace> existingWorkspace() {
    return context.workspace(workspace).load();
  }
}
