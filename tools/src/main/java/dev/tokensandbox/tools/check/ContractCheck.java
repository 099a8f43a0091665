package dev.tokensandbox.tools.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokensandbox.protocol.Route;
import dev.tokensandbox.tools.check.CheckStep.Finding;
import dev.tokensandbox.tools.check.TokenInspection.RtcAsk;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The seed contract of one flow, run against any token server: each route, parameter, status code
 * and body the seed defines, every returned token read against what was asked, and (for the RTC
 * flows, with credentials) a renewal run. Each step keeps the request that shows it; a finding says
 * what is wrong and how to fix it. Never throws for what the server does: a refused connection or a
 * timeout is a finding too.
 */
public final class ContractCheck {
  /** The channel, uid and account the check asks tokens for. */
  static final String CHANNEL = "tscheck";

  static final String UID = "12345";
  static final String ACCOUNT = "alice";
  static final int LIFETIME = 3600;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The largest uid: unsigned 32-bit. */
  static final String MAX_UID = "4294967295";

  /** The longest channel name Agora allows: 63 bytes ("less than 64 bytes"). */
  static final String LONGEST_CHANNEL = "tscheck_" + "0123456789".repeat(5) + "abcde";

  /** Every punctuation character Agora allows in a channel name, space included. */
  static final String PUNCTUATION_CHANNEL =
      "ts" + dev.tokensandbox.backend.tokens.TokenRules.ALLOWED_PUNCTUATION;

  private final HttpClient http;
  private final Clock clock;
  private final RenewalRun renewal;
  private String providerSandbox;
  private final List<Input> inputs = new ArrayList<>();
  private boolean requireSignature;

  /**
   * An input the integrator adds to the edge cases ({@code --channel}, {@code --uid}, {@code
   * --account}): a publisher token for it is asked and read. {@code uid} and {@code account} may be
   * null (uid 12345 then).
   */
  public record Input(String channel, String uid, String account) {
    String describe() {
      return "your input: channel \""
          + channel
          + "\", "
          + (account != null ? "account \"" + account + "\"" : "uid " + (uid == null ? UID : uid));
    }
  }

  /**
   * @param clock what "now" is for the lint rules (expired, issued in the future)
   * @param renewal the renewal run (real time in the CLI), or null to skip it
   */
  public ContractCheck(Clock clock, RenewalRun renewal) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.clock = clock;
    this.renewal = renewal;
  }

  /**
   * The sandbox your server uses as its provider ({@code RINGNITY_API_BASE_URL} pointed at it): the
   * check then makes the provider fail and sees what your route answers.
   */
  public ContractCheck providerSandbox(String baseUrl) {
    this.providerSandbox = baseUrl;
    return this;
  }

  /** Adds the integrator's own channel/uid/account cases to the edge inputs. */
  public ContractCheck inputs(List<Input> more) {
    inputs.addAll(more);
    return this;
  }

  /**
   * With {@code true}, signatures that could not be checked (no certificate or secret given) are a
   * failure instead of a skipped check.
   */
  public ContractCheck requireSignature(boolean require) {
    this.requireSignature = require;
    return this;
  }

  /** Runs every step for {@code target}'s flow; {@code progress} hears each step's name. */
  public CheckReport run(CheckTarget target, Consumer<String> progress) {
    List<CheckStep> steps = new ArrayList<>();
    Steps s = new Steps(target, steps, progress);
    switch (target.flow()) {
      case SHENGWANG -> shengwang(s);
      case GIN -> gin(s);
      case RINGNITY -> ringnity(s);
      case CHATSDK -> chatsdk(s);
    }
    signatures(s);
    if (target.flow().isRtc()) {
      progress.accept("renewal run");
      if (s.unreachable) {
        steps.add(
            new CheckStep("renewal run", "", List.of(), "not run: the server did not answer"));
      } else if (renewal == null) {
        steps.add(new CheckStep("renewal run", "", List.of(), "not asked for"));
      } else if (!target.hasRtcCredentials()) {
        steps.add(
            new CheckStep(
                "renewal run",
                "",
                List.of(),
                "skipped: give --app-id and --certificate so the sandbox's RTC service can check"
                    + " your tokens"));
      } else {
        java.util.Map<String, String> answered = new java.util.HashMap<>();
        s.seen.forEach((token, seen) -> answered.put(token, seen.step()));
        steps.add(renewal.run(target, answered));
      }
    }
    return new CheckReport(target, clock.instant(), steps);
  }

  // ---- flows ---------------------------------------------------------------------------------

  private void shengwang(Steps s) {
    String route = Route.AGORA_RTC.path();
    Answer a =
        s.get(
            "publisher token for a uid",
            route
                + "?channelName="
                + CHANNEL
                + "&uid="
                + UID
                + "&role=publisher&expireSeconds="
                + LIFETIME);
    if (a.status(200)) {
      if (!a.contentType().startsWith("text/plain")) {
        a.finding(
            "the token comes as " + a.contentType() + "; the seed answers text/plain",
            "Send the token string itself with Content-Type text/plain.");
      }
      a.token(a.body, new RtcAsk(CHANNEL, UID, false, true, LIFETIME));
    }
    a.done();

    a =
        s.get(
            "subscriber token",
            route
                + "?channelName="
                + CHANNEL
                + "&uid="
                + UID
                + "&role=subscriber&expireSeconds="
                + LIFETIME);
    if (a.status(200)) {
      a.token(a.body, new RtcAsk(CHANNEL, UID, false, false, LIFETIME));
    }
    a.done();

    a = s.get("channelName is required", route + "?uid=" + UID + "&role=publisher");
    if (a.status != 400 && a.status > 0) {
      a.finding(
          "a request without channelName answered "
              + a.status
              + "; the seed answers 400 (\"\" is the wildcard, a missing name is an error)",
          "Answer 400 naming channelName when the parameter is absent.");
    }
    a.done();

    a =
        s.get(
            "lifetime cap (86,400 s)",
            route
                + "?channelName="
                + CHANNEL
                + "&uid="
                + UID
                + "&role=publisher&expireSeconds=90000");
    if (a.status == 200) {
      String token = a.body.strip();
      var decoded = dev.tokensandbox.backend.tokens.TokenDecoder.decode(token);
      if (decoded instanceof dev.tokensandbox.backend.tokens.AccessToken2Info at2
          && at2.expire() > 86_400) {
        a.finding(
            "expireSeconds=90000 was issued as a "
                + at2.expire()
                + " s token; the seed's maximum"
                + " is 86400",
            "Refuse lifetimes over 86400 s with 400 (or cap them at 86400).");
      }
    } else if (a.status != 400 && a.status > 0) {
      a.finding(
          "expireSeconds=90000 answered " + a.status + "; expected 400 (or a token capped at 24 h)",
          "Refuse lifetimes over 86400 s with 400 naming expireSeconds.");
    }
    a.done();
    edges(s);
  }

  /**
   * The inputs real servers get wrong, each a named check with a publisher token asked for it: uid
   * 0 (the wildcard, written ""), the largest uid, a user account (Gin), channel names at Agora's
   * limits (a dash, 63 bytes, every allowed punctuation character), and the integrator's own.
   */
  private void edges(Steps s) {
    edge(s, "uid 0 (the wildcard)", CHANNEL, "0", null);
    edge(s, "the largest uid (4294967295)", CHANNEL, MAX_UID, null);
    edge(s, "a channel with a dash", "ts-check", UID, null);
    edge(s, "the longest channel (63 bytes)", LONGEST_CHANNEL, UID, null);
    edge(s, "every punctuation character Agora allows", PUNCTUATION_CHANNEL, UID, null);
    for (Input in : inputs) {
      edge(
          s,
          in.describe(),
          in.channel(),
          in.account() == null ? (in.uid() == null ? UID : in.uid()) : null,
          in.account());
    }
  }

  /** Asks a publisher token for one input and reads it against the input. */
  private void edge(Steps s, String name, String channel, String uid, String account) {
    boolean isAccount = account != null;
    String user = isAccount ? account : uid;
    String expected = isAccount ? account : "0".equals(uid) ? "" : uid;
    RtcAsk ask = new RtcAsk(channel, expected, isAccount, true, LIFETIME);
    if (s.target.flow() == dev.tokensandbox.protocol.Flow.GIN) {
      Answer a =
          s.get(
              name,
              Route.GIN_RTC.path(channel, "publisher", isAccount ? "userAccount" : "uid", user)
                  + "?expiry="
                  + LIFETIME);
      rtcField(a, s, "rtcToken", ask);
      a.done();
      return;
    }
    String query =
        "?channelName="
            + query(channel)
            + (isAccount ? "&userAccount=" + query(account) : "&uid=" + uid)
            + "&role=publisher&expireSeconds="
            + LIFETIME;
    Answer a = s.get(name, Route.AGORA_RTC.path() + query);
    if (a.status(200)) {
      a.token(a.body, ask);
    }
    a.done();
  }

  private static String query(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  /**
   * Whether signatures were checked: with a certificate (or JWT secret) every token was verified;
   * without one this says so — skipped, or a failure with {@link #requireSignature}.
   */
  private void signatures(Steps s) {
    if (s.unreachable) {
      return;
    }
    boolean jwt = !s.target.flow().isRtc();
    int unchecked = s.inspection.unverified();
    String give =
        jwt
            ? "give --jwt-secret (or $TOKEN_SANDBOX_JWT_SECRET)"
            : "give --certificate (or $SHENGWANG_APP_CERTIFICATE)";
    if (unchecked == 0) {
      s.out.add(
          new CheckStep(
              "signatures",
              "",
              List.of(),
              s.inspection.tokens() == 0 ? "no token to verify" : null));
      return;
    }
    String what =
        "not checked: the signatures of " + unchecked + " token(s) were not verified; " + give;
    if (requireSignature) {
      s.out.add(
          new CheckStep(
              "signatures",
              "",
              List.of(
                  new Finding(
                      what,
                      "Run check with the credentials your server signs with.",
                      "signature-not-checked")),
              null));
    } else {
      s.out.add(
          new CheckStep(
              "signatures", "", List.of(), what + " (--require-signature makes this a failure)"));
    }
  }

  private void gin(Steps s) {
    Answer a = s.get("ping", Route.GIN_PING.path());
    if (a.status(200)) {
      JsonNode body = a.json();
      if (body == null || !"pong".equals(body.path("message").asText(null))) {
        a.finding(
            Route.GIN_PING.path()
                + " answered "
                + abbreviate(a.body)
                + "; the seed answers {\"message\":\"pong\"}",
            "Return gin.H{\"message\": \"pong\"}.");
      }
    }
    a.done();

    a =
        s.get(
            "rtc token for a uid",
            Route.GIN_RTC.path(CHANNEL, "publisher", "uid", UID) + "?expiry=" + LIFETIME);
    rtcField(a, s, "rtcToken", new RtcAsk(CHANNEL, UID, false, true, LIFETIME));
    a.done();

    a =
        s.get(
            "rtc token for a user account (subscriber)",
            Route.GIN_RTC.path(CHANNEL, "subscriber", "userAccount", ACCOUNT)
                + "?expiry="
                + LIFETIME);
    rtcField(a, s, "rtcToken", new RtcAsk(CHANNEL, ACCOUNT, true, false, LIFETIME));
    a.done();

    a = s.get("rtm token", Route.GIN_RTM.path(ACCOUNT) + "?expiry=" + LIFETIME);
    if (a.status(200)) {
      String token = a.field("rtmToken");
      if (token != null) {
        a.findings(s.inspection.rtm(token, ACCOUNT, a.date()));
      }
    }
    a.done();

    a =
        s.get(
            "rtc and rtm tokens",
            Route.GIN_RTE.path(CHANNEL, "publisher", "uid", UID) + "?expiry=" + LIFETIME);
    if (a.status(200)) {
      String rtc = a.field("rtcToken");
      String rtm = a.field("rtmToken");
      if (rtc != null) {
        a.token(rtc, new RtcAsk(CHANNEL, UID, false, true, LIFETIME));
      }
      if (rtm != null) {
        a.findings(s.inspection.rtm(rtm, UID, a.date()));
      }
    }
    a.done();

    badRequest(
        s,
        "an unknown role is refused",
        Route.GIN_RTC.path(CHANNEL, "boss", "uid", UID),
        "role",
        "publisher or subscriber");
    badRequest(
        s,
        "an unknown token type is refused",
        Route.GIN_RTC.path(CHANNEL, "publisher", "number", UID),
        "tokentype",
        "uid or userAccount");
    edges(s);
  }

  private void ringnity(Steps s) {
    Answer a =
        s.post(
            "runtime token",
            Route.RINGNITY_RUNTIME.path(),
            "{\"userId\":\"tscheck-user\",\"name\":\"Token Check\",\"email\":\"check@example.com\"}");
    if (a.status(200)) {
      JsonNode body = a.json();
      if (body != null) {
        String token = a.field("token");
        long expiresIn = body.path("expiresIn").asLong(-1);
        if (expiresIn <= 0 || expiresIn > 86_400) {
          a.finding(
              "expiresIn is " + body.path("expiresIn") + "; seconds in 1..86400 are expected",
              "Relay the provider's expiresIn (seconds).");
        }
        if (!body.hasNonNull("tokenType")) {
          a.finding("the answer has no tokenType", "Relay the provider's tokenType (\"Bearer\").");
        }
        if (token != null) {
          a.findings(s.inspection.jwt(token));
        }
      }
    }
    a.done();
    if (providerSandbox == null) {
      s.out.add(
          new CheckStep(
              "when the provider fails",
              "",
              List.of(),
              "skipped: point your server's RINGNITY_API_BASE_URL at a sandbox and give it as"
                  + " --provider"));
      return;
    }
    providerFault(s, "when the provider fails", dev.tokensandbox.protocol.admin.Fault.STATUS, 500);
    providerFault(
        s,
        "when the provider revokes the API key",
        dev.tokensandbox.protocol.admin.Fault.REVOKED_KEY,
        0);
  }

  /**
   * Makes the sandbox's Ringnity provider mock fail, then asks your route: the seed's backend
   * answers an error (502 in its Go variant, 500 in its Express one), never a 200 without a token,
   * and never the server's API key.
   */
  private void providerFault(
      Steps s, String name, dev.tokensandbox.protocol.admin.Fault fault, int value) {
    var admin =
        new dev.tokensandbox.client.admin.SandboxAdminClient(
            dev.tokensandbox.client.backend.BackendClient.builder(providerSandbox).build());
    try {
      admin.setFaults(
          new dev.tokensandbox.protocol.admin.FaultPlan(
              1,
              List.of(
                  dev.tokensandbox.protocol.admin.FaultRule.always(
                      "ringnity.provider", fault, value))));
    } catch (dev.tokensandbox.protocol.admin.AdminException e) {
      s.out.add(
          new CheckStep(
              name,
              "",
              List.of(
                  new Finding(
                      "the provider sandbox at "
                          + providerSandbox
                          + " did not take the fault: "
                          + e.getMessage(),
                      "Give the URL of a running sandbox (its admin API) as --provider.")),
              null));
      return;
    }
    try {
      Answer a =
          s.post(
              name,
              Route.RINGNITY_RUNTIME.path(),
              "{\"userId\":\"tscheck-user\",\"name\":\"Token Check\"}");
      if (a.status >= 200 && a.status < 300) {
        a.finding(
            "with the provider failing, your route answered "
                + a.status
                + " "
                + abbreviate(a.body)
                + "; the seed answers an error (502)",
            "Check the provider's answer (status and success) and answer 502 when it failed.");
      } else if (a.status > 0 && a.status < 500) {
        a.finding(
            "with the provider failing, your route answered "
                + a.status
                + ": a client error blames the app for the provider's failure",
            "Answer 502 (Bad Gateway) when the provider fails.");
      }
      if (a.body.contains("rn_sk_")) {
        a.finding(
            "the answer carries a Ringnity server API key",
            "Never forward the provider's request or your key in an error.");
      }
      a.done();
    } finally {
      try {
        admin.clearFaults();
      } catch (dev.tokensandbox.protocol.admin.AdminException e) {
        // the provider sandbox went away meanwhile: nothing is left to clear
      }
    }
  }

  private void chatsdk(Steps s) {
    Answer a = s.post("a chat token needs a customer session", Route.CHATSDK_CUSTOMER.path(), "{}");
    if (a.status != 401 && a.status > 0) {
      a.finding(
          "without a session the chat-token route answered "
              + a.status
              + "; the seed's requireCustomer answers 401",
          "Check the customer's session before asking the provider for a token.");
    }
    a.done();
  }

  private void rtcField(Answer a, Steps s, String field, RtcAsk ask) {
    if (a.status(200)) {
      String token = a.field(field);
      if (token != null) {
        a.token(token, ask);
      }
    }
  }

  private void badRequest(Steps s, String name, String path, String field, String rule) {
    Answer a = s.get(name, path);
    if (a.status != 400 && a.status > 0) {
      a.finding(
          path + " answered " + a.status + "; expected 400 (" + field + " must be " + rule + ")",
          "Validate " + field + " and answer 400 with a message naming it.");
    }
    a.done();
  }

  private static String abbreviate(String body) {
    String oneLine = body.replaceAll("\\s+", " ").strip();
    return oneLine.length() > 80 ? oneLine.substring(0, 77) + "…" : oneLine;
  }

  // ---- plumbing ------------------------------------------------------------------------------

  /** The steps of one run. */
  private final class Steps {
    final CheckTarget target;
    final List<CheckStep> out;
    final Consumer<String> progress;

    final TokenInspection inspection;

    /** Every token answered so far, with the step that got it first and when. */
    final java.util.Map<String, Seen> seen = new java.util.HashMap<>();

    record Seen(String step, Instant at, RtcAsk ask) {}

    Steps(CheckTarget target, List<CheckStep> out, Consumer<String> progress) {
      this.target = target;
      this.out = out;
      this.progress = progress;
      this.inspection = new TokenInspection(clock, target);
    }

    Answer get(String name, String path) {
      return send(name, "GET", path, null);
    }

    Answer post(String name, String path, String json) {
      return send(name, "POST", path, json);
    }

    /** Set when a request got no answer: the steps after it are not run. */
    private boolean unreachable;

    private Answer send(String name, String method, String path, String json) {
      progress.accept(name);
      Answer a = new Answer(this, name, method + " " + path);
      if (unreachable) {
        a.skip("not run: the server did not answer the first request");
        return a;
      }
      HttpRequest.Builder request;
      try {
        request =
            HttpRequest.newBuilder(URI.create(target.baseUrl() + path))
                .timeout(Duration.ofSeconds(10));
      } catch (IllegalArgumentException e) {
        a.failure(
            "the URL " + target.baseUrl() + path + " is not valid: " + e.getMessage(),
            "Give the server's base URL, e.g. http://localhost:8080.");
        return a;
      }
      if (json != null) {
        request.header("Content-Type", "application/json");
        request.POST(HttpRequest.BodyPublishers.ofString(json));
      }
      try {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        a.status = r.statusCode();
        a.body = r.body() == null ? "" : r.body();
        a.headers = r.headers();
      } catch (IOException e) {
        // Refused, DNS, TLS: the server is not there, the checks after this one are skipped; a
        // timeout or a dropped connection is a finding of this check, and the next checks run.
        unreachable = dev.tokensandbox.client.backend.FailureWords.nothingThere(e);
        dev.tokensandbox.client.backend.FailureWords.Said said =
            dev.tokensandbox.client.backend.FailureWords.unreachable(target.baseUrl(), e);
        a.failure(said.problem(), capitalized(said.fix()) + ".");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        a.failure("interrupted", "Run the check again.");
      }
      return a;
    }
  }

  /** One request and what was found in its answer. */
  private final class Answer {
    private final Steps steps;
    private final String name;
    private final String request;
    private final List<Finding> findings = new ArrayList<>();
    int status;
    String body = "";
    HttpHeaders headers;

    Answer(Steps steps, String name, String request) {
      this.steps = steps;
      this.name = name;
      this.request = request;
    }

    private String note;

    void skip(String why) {
      status = -1;
      note = why;
    }

    void failure(String problem, String fix) {
      status = -1;
      findings.add(new Finding(problem, fix));
    }

    boolean status(int expected) {
      if (status == expected) {
        return true;
      }
      if (status > 0) {
        findings.add(
            new Finding(
                "answered " + status + " " + abbreviate(body) + "; expected " + expected,
                "Implement the route as the seed defines it."));
      }
      return false;
    }

    String contentType() {
      return headers == null ? "" : headers.firstValue("Content-Type").orElse("");
    }

    /** The server's own clock, from its {@code Date} header. */
    Instant date() {
      String d = headers == null ? null : headers.firstValue("Date").orElse(null);
      if (d == null) {
        return null;
      }
      try {
        return ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }

    private JsonNode parsed;
    private boolean parsedOnce;

    /** The answer as a JSON object, or null (with one finding, however often asked). */
    JsonNode json() {
      if (!parsedOnce) {
        parsedOnce = true;
        try {
          JsonNode n = JSON.readTree(body);
          parsed = n != null && n.isObject() ? n : null;
        } catch (IOException e) {
          parsed = null;
        }
        if (parsed == null) {
          findings.add(
              new Finding(
                  "the answer is not a JSON object: " + abbreviate(body),
                  "Answer with the JSON object the seed shows."));
        }
      }
      return parsed;
    }

    /** A string field of the JSON answer, or null (with a finding). */
    String field(String name) {
      JsonNode n = json();
      if (n == null) {
        return null;
      }
      JsonNode f = n.get(name);
      if (f == null || !f.isTextual() || f.asText().isEmpty()) {
        findings.add(
            new Finding(
                "the answer holds no token: "
                    + (f == null
                        ? "no \"" + name + "\" in " + abbreviate(body)
                        : "\"" + name + "\" is " + (f.isTextual() ? "empty" : f.toString())),
                "Return the token in the \""
                    + name
                    + "\" field, as the seed does, or a 4xx"
                    + " naming what is wrong.",
                "empty-answer"));
        return null;
      }
      return f.asText();
    }

    void finding(String problem, String fix) {
      findings.add(new Finding(problem, fix));
    }

    /**
     * Reads an RTC token against the ask, and names a token already answered for another request: a
     * server that caches tokens serves one built for another channel, user or role, or one that is
     * about to expire.
     */
    void token(String token, RtcAsk ask) {
      String text = token == null ? "" : token.strip();
      if (!text.isEmpty()) {
        Steps.Seen first = steps.seen.putIfAbsent(text, new Steps.Seen(name, clock.instant(), ask));
        // The same answer to the same question may be a legitimate cache or the same second;
        // the same token for another channel, user, role or lifetime never is.
        if (first != null && !first.ask().equals(ask)) {
          long apart = Duration.between(first.at(), clock.instant()).getSeconds();
          findings.add(
              new Finding(
                  "the same token came back for \""
                      + name
                      + "\" as for \""
                      + first.step()
                      + "\" ("
                      + apart
                      + " s apart): your server caches tokens and hands one built for another"
                      + " request out again",
                  "Build a fresh token per request (they are cheap), or cache per channel, user,"
                      + " role and lifetime and never past half the token's life.",
                  "cached"));
          // It was built for another request: its channel, user and role say nothing more.
          return;
        }
      }
      findings(steps.inspection.rtc(text, ask, date()));
    }

    void findings(List<Finding> more) {
      findings.addAll(more);
    }

    void done() {
      String shown = request + (status > 0 ? " → " + status : "");
      steps.out.add(new CheckStep(name, shown, findings, note));
    }
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
