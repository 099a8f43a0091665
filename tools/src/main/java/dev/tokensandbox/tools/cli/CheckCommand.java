package dev.tokensandbox.tools.cli;

import dev.tokensandbox.protocol.Flow;
import dev.tokensandbox.tools.check.CheckReport;
import dev.tokensandbox.tools.check.CheckTarget;
import dev.tokensandbox.tools.check.ContractCheck;
import dev.tokensandbox.tools.check.RenewalRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check URL --flow …}: the seed contract against an integrator's own token server. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Checks your token server against the seed flow it implements: routes, status codes and"
            + " bodies, every token it returns (channel, user, role, privileges, lifetime,"
            + " signature, lint, clock), and a renewal run in real time. Exit 0: clean,"
            + " 1: findings, 2: bad usage.")
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "URL",
      description = "Your server's base URL, e.g. http://localhost:8080.")
  String url;

  @Option(
      names = "--flow",
      required = true,
      paramLabel = "FLOW",
      description = "shengwang, gin, ringnity or chatsdk: the seed your server implements.")
  Flow flow;

  @Option(
      names = "--app-id",
      paramLabel = "ID",
      description = "App ID (default: $SHENGWANG_APP_ID): checks the tokens' App ID.")
  String appId;

  @Option(
      names = "--certificate",
      paramLabel = "CERT",
      description =
          "App Certificate (default: $SHENGWANG_APP_CERTIFICATE): verifies signatures and enables"
              + " the renewal run. Prefer the variable: arguments show in the process list.")
  String certificate;

  @Option(
      names = "--jwt-secret",
      paramLabel = "SECRET",
      description = "HS256 secret (default: $TOKEN_SANDBOX_JWT_SECRET): verifies JWT signatures.")
  String jwtSecret;

  @Option(names = "--report", paramLabel = "FILE.html", description = "Also write an HTML report.")
  Path report;

  @Option(
      names = "--junit",
      paramLabel = "FILE.xml",
      description = "Also write JUnit XML: a test case per check, a failure per finding.")
  Path junit;

  @Option(
      names = "--token-seconds",
      paramLabel = "N",
      defaultValue = "40",
      description = "Token lifetime asked in the renewal run, over 30 (default: 40).")
  int tokenSeconds;

  @Option(
      names = "--run-seconds",
      paramLabel = "N",
      defaultValue = "25",
      description = "How long the renewal run's device stays in the channel (default: 25).")
  int runSeconds;

  @Option(names = "--no-renewal", description = "Skip the renewal run.")
  boolean noRenewal;

  @Option(
      names = "--channel",
      paramLabel = "NAME",
      description =
          "RTC flows: also ask a publisher token for this channel (uid 12345), beside the edge"
              + " cases check always asks (repeatable).")
  java.util.List<String> channels = new java.util.ArrayList<>();

  @Option(
      names = "--uid",
      paramLabel = "UID",
      description = "RTC flows: also ask a publisher token for this uid in tscheck (repeatable).")
  java.util.List<Long> uids = new java.util.ArrayList<>();

  @Option(
      names = "--account",
      paramLabel = "ACCOUNT",
      description =
          "Gin: also ask a publisher token for this user account in tscheck (repeatable).")
  java.util.List<String> accounts = new java.util.ArrayList<>();

  @Option(
      names = "--require-signature",
      description =
          "Fail (exit 1) when signatures cannot be checked because no certificate or secret was"
              + " given, instead of reporting them as not checked.")
  boolean requireSignature;

  @Option(
      names = "--provider",
      paramLabel = "SANDBOX_URL",
      description =
          "Ringnity: the sandbox your server's RINGNITY_API_BASE_URL points at; the check makes"
              + " its provider fail and checks what your route answers.")
  String provider;

  @Override
  public Integer call() {
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw bad("URL: must start with http:// or https://, not \"" + url + "\"");
    }
    if (tokenSeconds <= 30 || tokenSeconds > 86_400) {
      throw bad(
          "--token-seconds: must be 31..86400 (will-expire comes 30 s early), not " + tokenSeconds);
    }
    if (runSeconds < 1 || runSeconds > 3600) {
      throw bad("--run-seconds: must be 1..3600, not " + runSeconds);
    }
    java.util.List<ContractCheck.Input> inputs = new java.util.ArrayList<>();
    for (String channel : channels) {
      try {
        dev.tokensandbox.backend.tokens.TokenRules.channel("channelName", channel, true);
      } catch (dev.tokensandbox.backend.tokens.InvalidTokenRequestException e) {
        throw bad("--channel: " + e.rule());
      }
      inputs.add(new ContractCheck.Input(channel, null, null));
    }
    for (Long uid : uids) {
      if (uid < 0 || uid > 4_294_967_295L) {
        throw bad("--uid: must be 0..4294967295, not " + uid);
      }
      inputs.add(new ContractCheck.Input("tscheck", Long.toString(uid), null));
    }
    for (String account : accounts) {
      if (flow != Flow.GIN) {
        throw bad("--account: the " + flow.label() + " seed takes no user account (Gin does)");
      }
      inputs.add(new ContractCheck.Input("tscheck", null, account));
    }
    if (!inputs.isEmpty() && !flow.isRtc()) {
      throw bad("--channel/--uid: apply to the RTC flows (shengwang, gin)");
    }
    CheckTarget target =
        new CheckTarget(
            url,
            flow,
            orEnv(appId, "SHENGWANG_APP_ID"),
            orEnv(certificate, "SHENGWANG_APP_CERTIFICATE"),
            orEnv(jwtSecret, "TOKEN_SANDBOX_JWT_SECRET"));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (RenewalRun.RealTime time = new RenewalRun.RealTime()) {
      RenewalRun renewal =
          noRenewal ? null : new RenewalRun(time, tokenSeconds, Duration.ofSeconds(runSeconds));
      CheckReport result =
          new ContractCheck(Clock.systemUTC(), renewal)
              .providerSandbox(provider)
              .inputs(inputs)
              .requireSignature(requireSignature)
              .run(
                  target,
                  step -> {
                    err.println(
                        "· "
                            + step
                            + (step.equals("renewal run")
                                    && renewal != null
                                    && target.hasRtcCredentials()
                                ? " (" + runSeconds + " s in real time)"
                                : ""));
                    err.flush();
                  });
      out.print(result.text());
      if (report != null) {
        result.writeHtml(report);
        out.println("HTML report: " + report);
      }
      if (junit != null) {
        result.writeJUnit(junit);
        out.println("JUnit XML: " + junit);
      }
      return result.clean() ? 0 : 1;
    } catch (IOException e) {
      throw bad("cannot write the report: " + e.getMessage());
    }
  }

  private static String orEnv(String value, String variable) {
    return value != null ? value : System.getenv(variable);
  }

  private ParameterException bad(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
