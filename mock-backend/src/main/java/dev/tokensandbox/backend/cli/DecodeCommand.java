package dev.tokensandbox.backend.cli;

import dev.tokensandbox.backend.tokens.AccessToken1Info;
import dev.tokensandbox.backend.tokens.AccessToken2Info;
import dev.tokensandbox.backend.tokens.AgoraCredentials;
import dev.tokensandbox.backend.tokens.DecodeResult;
import dev.tokensandbox.backend.tokens.DecodedToken;
import dev.tokensandbox.backend.tokens.JwtInfo;
import dev.tokensandbox.backend.tokens.TokenDecoder;
import dev.tokensandbox.backend.tokens.TokenDiff;
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
      "Exit 0 when decoded, 2 when the input is not a token or an option does not apply;"
          + " with --require-valid, 1 unless the signature is VALID and no lint error fired."
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

  @Option(
      names = "--uid",
      description =
          "006 only: numeric uid guess (0 = the wildcard, written \"\"), checked against"
              + " the token's CRC32.")
  String uidGuess;

  @Option(
      names = "--account",
      description =
          "006 only: user account guess, taken as typed (--account 0 is the account"
              + " \"0\", not uid 0).")
  String accountGuess;

  @Option(
      names = "--require-valid",
      description =
          "Exit 1 unless the signature is VALID and no lint finding of severity ERROR"
              + " fired: decode as a CI gate.")
  boolean requireValid;

  @Option(
      names = "--diff",
      paramLabel = "TOKEN",
      description =
          "Compare with a second token (e.g. the renewal of the first): every field"
              + " side by side, the differences marked and explained.")
  String diffWith;

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
    if (certificate != null && !AgoraCredentials.looksValid(certificate.strip())) {
      return usage(
          "--certificate: must be 32 hexadecimal characters (an App Certificate), got "
              + certificate.strip().length()
              + " characters");
    }
    if (uidGuess != null && accountGuess != null) {
      return usage("--uid and --account: give one (a numeric uid or a user account)");
    }
    if (userGuess != null && (channelGuess != null || uidGuess != null || accountGuess != null)) {
      return usage("--user is for a 006 RTM token; --channel/--uid/--account for a 006 RTC token");
    }
    String input = "-".equals(token) ? readStdin() : token;
    DecodeResult result = TokenDecoder.decode(input);
    if (result instanceof DecodedToken decoded && !(decoded instanceof AccessToken1Info)) {
      String legacyOnly = legacyOnlyOption();
      if (legacyOnly != null) {
        return usage(
            legacyOnly
                + " applies to 006 tokens only (they keep the channel and uid as CRC32);"
                + " this is "
                + decoded.format().displayName()
                + ", which carries them in clear");
      }
    }
    VerificationKeys keys =
        result instanceof DecodedToken decoded ? keysFor(decoded) : VerificationKeys.none();
    TokenReport report = TokenReport.of(result, keys, context.clock());
    if (!report.decoded()) {
      if (json) {
        Json.print(context.out(), report);
      }
      context.err().println("error: " + report.error().message());
      return Main.EXIT_BAD_INPUT;
    }
    if (diffWith != null) {
      return diff((DecodedToken) result, report);
    }
    if (json) {
      Json.print(context.out(), report);
    } else {
      HumanReport.print(context.out(), report);
    }
    return gate(report);
  }

  private Integer diff(DecodedToken first, TokenReport report) {
    DecodeResult other = TokenDecoder.decode(diffWith);
    if (!(other instanceof DecodedToken second)) {
      context
          .err()
          .println(
              "error: --diff: the second token does not decode: "
                  + ((dev.tokensandbox.backend.tokens.DecodeError) other).message());
      return Main.EXIT_BAD_INPUT;
    }
    TokenDiff diff = TokenDiff.of(first, second);
    if (json) {
      java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
      out.put("first", report);
      out.put("second", TokenReport.of(second, keysFor(second), context.clock()));
      out.put("diff", diff);
      Json.print(context.out(), out);
    } else {
      HumanReport.printDiff(context.out(), diff);
    }
    return gate(report);
  }

  /** With --require-valid: 1 unless VALID and no ERROR lint, with the reason on stderr. */
  private int gate(TokenReport report) {
    if (!requireValid) {
      return 0;
    }
    String verdict = report.verification().verdict();
    if (!"VALID".equals(verdict)) {
      context
          .err()
          .println("not valid: signature " + verdict + " — " + report.verification().detail());
      return Main.EXIT_FAILED;
    }
    java.util.List<String> errors =
        report.lint().stream()
            .filter(l -> "ERROR".equals(l.severity()))
            .map(TokenReport.LintEntry::code)
            .toList();
    if (!errors.isEmpty()) {
      context.err().println("not valid: lint error " + String.join(", ", errors));
      return Main.EXIT_FAILED;
    }
    return 0;
  }

  private String legacyOnlyOption() {
    if (channelGuess != null) {
      return "--channel";
    }
    if (uidGuess != null) {
      return "--uid";
    }
    if (accountGuess != null) {
      return "--account";
    }
    return userGuess != null ? "--user" : null;
  }

  private int usage(String message) {
    context.err().println("error: " + message);
    context.err().println("Run 'token-sandbox decode --help' for usage.");
    return Main.EXIT_BAD_INPUT;
  }

  private String readStdin() throws IOException {
    byte[] bytes = context.in().readNBytes(MAX_STDIN + 1);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private VerificationKeys keysFor(DecodedToken decoded) {
    if (decoded instanceof JwtInfo jwt) {
      return secret != null
          ? VerificationKeys.jwtSecret(secret)
          : VerificationKeys.assumedJwtSecret(null, workspaceSecret(jwt).orElse(null));
    }
    String appId =
        decoded instanceof AccessToken2Info t ? t.appId() : ((AccessToken1Info) decoded).appId();
    String cert = certificate != null ? certificate : certificateFor(appId).orElse(null);
    if (userGuess != null) {
      return VerificationKeys.certificate(cert).withAccountGuess(userGuess, "");
    }
    if (accountGuess != null) {
      return VerificationKeys.certificate(cert).withAccountGuess(channelGuess, accountGuess);
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
    return existingWorkspace().map(w -> w.jwtSecretForAudience(audience));
  }

  /** Decoding never creates a workspace; it only reads one that exists. */
  private Optional<Workspace> existingWorkspace() {
    return context.workspace(workspace).load();
  }
}
