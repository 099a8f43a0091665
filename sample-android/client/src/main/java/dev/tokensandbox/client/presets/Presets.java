package dev.tokensandbox.client.presets;

import static dev.tokensandbox.client.presets.Expect.at;
import static dev.tokensandbox.client.presets.Expect.atLeast;
import static dev.tokensandbox.client.presets.Expect.count;
import static dev.tokensandbox.client.presets.Expect.event;
import static dev.tokensandbox.client.presets.Expect.never;
import static dev.tokensandbox.client.session.EventKind.COALESCED;
import static dev.tokensandbox.client.session.EventKind.FETCH_FAILED;
import static dev.tokensandbox.client.session.EventKind.FETCH_STARTED;
import static dev.tokensandbox.client.session.EventKind.FINDING;
import static dev.tokensandbox.client.session.EventKind.GAVE_UP;
import static dev.tokensandbox.client.session.EventKind.JOINED;
import static dev.tokensandbox.client.session.EventKind.JOIN_REJECTED;
import static dev.tokensandbox.client.session.EventKind.KICKED;
import static dev.tokensandbox.client.session.EventKind.NOTE;
import static dev.tokensandbox.client.session.EventKind.READY;
import static dev.tokensandbox.client.session.EventKind.REJOINED;
import static dev.tokensandbox.client.session.EventKind.RENEWED;
import static dev.tokensandbox.client.session.EventKind.RENEW_REJECTED;
import static dev.tokensandbox.client.session.EventKind.RENEW_REQUESTED;
import static dev.tokensandbox.client.session.EventKind.REQUEST_TOKEN;
import static dev.tokensandbox.client.session.EventKind.RETRY_SCHEDULED;
import static dev.tokensandbox.client.session.EventKind.STATE_CHANGED;
import static dev.tokensandbox.client.session.EventKind.TOKEN_EXPIRED;
import static dev.tokensandbox.client.session.EventKind.TOKEN_ISSUED;
import static dev.tokensandbox.client.session.EventKind.WILL_EXPIRE;

import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.presets.QaPreset.Step;
import dev.tokensandbox.client.rtc.SdkProfile;
import dev.tokensandbox.client.session.Backoff;
import dev.tokensandbox.client.session.RenewalPolicy;
import dev.tokensandbox.client.session.RenewalPolicy.TimerBasis;
import dev.tokensandbox.client.session.RenewalPolicy.Trigger;
import dev.tokensandbox.protocol.Flow;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import dev.tokensandbox.protocol.admin.SandboxAdmin.SettingsChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The QA scenarios of docs/design.md §5 as presets. Every call takes 0.5 s of simulated network
 * time, so a fetch-then-join lands at +1.0 s and the times below are exact. Each preset resets the
 * backend's faults and settings before and after it runs.
 */
public final class Presets {
  /** Simulated network time per call in every preset. */
  public static final Duration LATENCY = Duration.ofMillis(500);

  public static final String CHANNEL = "lab";
  public static final long UID = 1001;

  private static final List<QaPreset> ALL = build();

  private Presets() {}

  public static List<QaPreset> all() {
    return ALL;
  }

  public static Optional<QaPreset> byId(String id) {
    for (QaPreset p : ALL) {
      if (p.id().equals(id)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static List<QaPreset> build() {
    List<QaPreset> out = new ArrayList<>();
    RenewalPolicy recommended = RenewalPolicy.recommended();

    out.add(
        rtc(
                "wrong-identity-renew",
                "Renew with a token for another uid/channel → 110",
                "From +10 s the backend issues tokens for another uid and channel (WRONG_IDENTITY). "
                    + "The will-expire renewal is refused with 110 and the old token stays in "
                    + "force until it expires; the rejoin after the kick is refused too.",
                120,
                recommended,
                Duration.ofSeconds(150))
            .steps(
                Step.at(
                    10,
                    "backend: WRONG_IDENTITY on agora.rtc",
                    faults(FaultRule.always("agora.rtc", Fault.WRONG_IDENTITY, 0))))
            .expect(
                at(1.0, JOINED),
                at(90, WILL_EXPIRE),
                event(RENEW_REJECTED, "110"),
                event(GAVE_UP, "not retryable"),
                at(120, KICKED),
                at(120, REQUEST_TOKEN),
                event(RENEW_REJECTED, "110"),
                event(GAVE_UP, "not retryable"),
                never(RENEWED),
                never(REJOINED))
            .build());

    out.add(
        rtc(
                "short-lifetime",
                "Token lifetime under 30 s",
                "A 20 s token: onTokenPrivilegeWillExpire fires at once on every join and renewal, "
                    + "so an app that renewed on every warning would storm. The recommended app says"
                    + " so once (a finding) and renews once per token, after a backoff.",
                20,
                recommended,
                Duration.ofSeconds(60))
            .expect(
                at(1.0, JOINED),
                at(1.0, WILL_EXPIRE),
                at(1.0, FINDING),
                atLeast(RENEWED, 4),
                never(KICKED))
            .build());

    out.add(
        rtc(
                "join-shorter-than-publish",
                "Join privilege shorter than publish privileges",
                "joinChannel expires after 60 s, publishing after 300 s, the token after 300 s. "
                    + "The user is kicked at the join expiry although the token is still valid; an "
                    + "app that only handles onRequestToken rejoins a second later.",
                300,
                recommended.withTrigger(Trigger.REQUEST_TOKEN),
                Duration.ofSeconds(100))
            .who(RtcTokenQuery.uid(CHANNEL, UID, true, 300).withJoinExpire(60, 300))
            .expect(
                at(1.0, JOINED),
                at(30, WILL_EXPIRE),
                at(60, KICKED),
                at(60, REQUEST_TOKEN),
                at(61, RENEWED),
                at(61, REJOINED),
                never(GAVE_UP))
            .build());

    Step outage =
        Step.at(
            20,
            "backend: 503 on agora.rtc",
            faults(FaultRule.always("agora.rtc", Fault.STATUS, 503)));
    Step recovery = Step.at(165, "backend: recovered", clear());
    Backoff gentle = new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(8), 0.2, 10);
    out.add(
        rtc(
                "backend-down-backoff",
                "Backend down during renewal, with backoff",
                "The token route answers 503 from +20 s to +165 s. Renewal starts at +150 s and "
                    + "retries after ~1, 2, 4, 8 s (20% jitter, seeded) until the backend is back, "
                    + "well before the kick at +180 s.",
                180,
                recommended.withBackoff(gentle),
                Duration.ofSeconds(200))
            .steps(outage, recovery)
            .expect(
                at(150, WILL_EXPIRE),
                event(FETCH_FAILED, "503"),
                event(RETRY_SCHEDULED),
                event(RENEWED),
                atLeast(RETRY_SCHEDULED, 3),
                never(KICKED),
                never(GAVE_UP))
            .build());

    out.add(
        rtc(
                "backend-down-retry-storm",
                "Backend down during renewal, retry storm",
                "Same outage, but the app retries at once: ten requests in five seconds, then it "
                    + "gives up; the user is kicked at +180 s and rejoins via onRequestToken.",
                180,
                recommended.withBackoff(Backoff.none(10)),
                Duration.ofSeconds(200))
            .steps(outage, recovery)
            .expect(
                at(150, WILL_EXPIRE),
                count(FETCH_FAILED, 10),
                at(155, GAVE_UP, "after 10 attempts"),
                at(180, KICKED),
                at(181, REJOINED))
            .build());

    out.add(
        preset(
                "legacy-006-token",
                "006 token given to a 007 engine",
                "The Gin routes issue legacy 006 tokens (ginLegacyTokens). The RTC service only "
                    + "takes AccessToken2: the join is refused with 110 and retrying cannot help.",
                Flow.GIN,
                RtcTokenQuery.uid(CHANNEL, UID, true, 600),
                recommended,
                Duration.ofSeconds(10))
            .steps(
                Step.at(
                    0,
                    "backend: Gin issues 006",
                    run -> run.control().updateSettings(SettingsChange.ginLegacyTokens(true))))
            .expect(
                event(TOKEN_ISSUED),
                at(1.0, JOIN_REJECTED, "007"),
                event(GAVE_UP, "not retryable"),
                never(JOINED))
            .build());

    out.add(
        preset(
                "device-clock-skew",
                "Device clock 20 minutes ahead",
                "The app times its Ringnity token from the JWT's exp claim against a phone clock 20 "
                    + "minutes fast: every 15-minute token looks expired on arrival, the app "
                    + "refetches, then gives up. Timing from expiresIn (EXPIRES_IN) is immune.",
                Flow.RINGNITY,
                RtcTokenQuery.account(CHANNEL, "user-123", true, null),
                recommended
                    .withTimerBasis(TimerBasis.TOKEN_EXP)
                    .withBackoff(
                        new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(4), 0, 3)),
                Duration.ofSeconds(30))
            .skew(Duration.ofMinutes(20))
            .expect(
                event(TOKEN_ISSUED),
                at(0.5, TOKEN_EXPIRED, "device"),
                count(FETCH_STARTED, 3),
                event(GAVE_UP, "device clock"),
                never(READY))
            .build());

    out.add(
        rtc(
                "server-clock-skew",
                "Server clock 10 minutes ahead (issueTs in the future)",
                "The token server's clock runs 10 minutes fast (CLOCK_SKEW 600): a 120 s token is "
                    + "issued in the future, so the RTC service lets it live 12 minutes. The SDK "
                    + "follows the service: will-expire at +690 s, not +90 s.",
                120,
                recommended,
                Duration.ofSeconds(700))
            .steps(
                Step.at(
                    0,
                    "backend: CLOCK_SKEW +600 s on agora.rtc",
                    faults(FaultRule.always("agora.rtc", Fault.CLOCK_SKEW, 600))))
            .expect(
                at(1.0, JOINED, "kick in 719 s"),
                at(690, WILL_EXPIRE),
                event(RENEWED),
                never(KICKED))
            .build());

    out.add(
        rtc(
                "token-over-24h",
                "Token lifetime over 24 h",
                "The app asks for 90,000 s. The backend refuses with 400 naming expireSeconds "
                    + "(max 86,400); a client error is not retried.",
                90_000,
                recommended,
                Duration.ofSeconds(5))
            .expect(
                at(0.5, FETCH_FAILED, "expireSeconds"),
                event(GAVE_UP, "not retryable"),
                never(JOINED))
            .build());

    out.add(
        rtc(
                "renew-after-kick",
                "Renewing after already kicked",
                "The app renews only on will-expire and takes 45 s to react (backgrounded). The "
                    + "kick comes first; renewToken after it reconnects (CONNECTING, RENEW_TOKEN).",
                120,
                recommended
                    .withTrigger(Trigger.WILL_EXPIRE)
                    .withReactionDelay(Duration.ofSeconds(45)),
                Duration.ofSeconds(150))
            .expect(
                at(90, WILL_EXPIRE),
                at(90, RENEW_REQUESTED),
                at(120, KICKED),
                at(135, FETCH_STARTED),
                event(STATE_CHANGED, "RENEW_TOKEN"),
                at(136, RENEWED),
                at(136, REJOINED))
            .build());
    out.add(
        rtc(
                "renew-after-kick-3x",
                "Renewing after the kick on a 3.x SDK",
                "The same late app built with SDK 3.x: after the kick renewToken is refused, so the "
                    + "app leaves and joins again with the new token (no rejoin, no renew result).",
                120,
                recommended
                    .withTrigger(Trigger.WILL_EXPIRE)
                    .withReactionDelay(Duration.ofSeconds(45))
                    .withSdk(SdkProfile.V3),
                Duration.ofSeconds(150))
            .expect(
                at(120, KICKED),
                at(135, FETCH_STARTED),
                event(NOTE, "leaveChannel, then join again"),
                at(136, JOINED),
                never(REJOINED),
                never(RENEW_REJECTED))
            .build());

    Step burst =
        Step.at(
            30,
            "app: resumed, three screens ask for a token",
            run -> {
              run.session().refresh("app resumed: screen 1");
              run.session().refresh("app resumed: screen 2");
              run.session().refresh("app resumed: screen 3");
            });
    Step push =
        Step.at(
            30.2, "app: push notification asks for a token", run -> run.session().refresh("push"));
    out.add(
        rtc(
                "duplicate-fetches",
                "Duplicate concurrent fetches, single flight",
                "Four renewal requests within 0.2 s share one fetch and one renewToken.",
                600,
                recommended,
                Duration.ofSeconds(60))
            .steps(burst, push)
            .expect(
                count(FETCH_STARTED, 2), count(COALESCED, 3), count(RENEWED, 1), at(31, RENEWED))
            .build());
    out.add(
        rtc(
                "duplicate-fetches-naive",
                "Duplicate concurrent fetches, no single flight",
                "The same four requests without single flight: four fetches, four renewToken calls;"
                    + " the engine keeps the newest and cancels the rest"
                    + " (onRenewTokenResult CANCELED_BY_NEW_REQUEST).",
                600,
                recommended.withSingleFlight(false),
                Duration.ofSeconds(60))
            .steps(burst, push)
            .expect(
                count(FETCH_STARTED, 5),
                count(RENEWED, 1),
                event(NOTE, "overtaken"),
                never(COALESCED))
            .build());

    out.add(
        preset(
                "provider-key-revoked",
                "Provider key revoked mid-session",
                "At +60 s the Ringnity provider stops accepting the backend's API key. The customer "
                    + "route turns that into 502; the app retries, gives up, and its token expires.",
                Flow.RINGNITY,
                RtcTokenQuery.account(CHANNEL, "user-123", true, null),
                recommended.withBackoff(
                    new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(4), 0, 3)),
                Duration.ofSeconds(930))
            .steps(
                Step.at(
                    60,
                    "provider: REVOKED_KEY on ringnity.provider",
                    faults(FaultRule.always("ringnity.provider", Fault.REVOKED_KEY, 0))))
            .expect(
                at(0.5, READY),
                at(870.5, WILL_EXPIRE),
                event(FETCH_FAILED, "502"),
                event(GAVE_UP, "after 3 attempts"),
                at(900.5, TOKEN_EXPIRED),
                never(RENEWED))
            .build());
    return Collections.unmodifiableList(out);
  }

  private static QaPreset.Action faults(FaultRule... rules) {
    return run -> run.control().setFaults(new FaultPlan(7, Arrays.asList(rules)));
  }

  private static QaPreset.Action clear() {
    return run -> run.control().clearFaults();
  }

  private static Draft rtc(
      String id, String title, String text, int expire, RenewalPolicy policy, Duration runFor) {
    return preset(
        id,
        title,
        text,
        Flow.SHENGWANG,
        RtcTokenQuery.uid(CHANNEL, UID, true, expire),
        policy,
        runFor);
  }

  private static Draft preset(
      String id,
      String title,
      String text,
      Flow flow,
      RtcTokenQuery who,
      RenewalPolicy policy,
      Duration runFor) {
    return new Draft(id, title, text, flow, who, policy, runFor);
  }

  /** A preset under construction. */
  private static final class Draft {
    private final String id;
    private final String title;
    private final String text;
    private final Flow flow;
    private RtcTokenQuery who;
    private final RenewalPolicy policy;
    private final Duration runFor;
    private Duration skew = Duration.ZERO;
    private List<Step> steps = Collections.emptyList();
    private List<Expect> expected = Collections.emptyList();

    Draft(
        String id,
        String title,
        String text,
        Flow flow,
        RtcTokenQuery who,
        RenewalPolicy policy,
        Duration runFor) {
      this.id = id;
      this.title = title;
      this.text = text;
      this.flow = flow;
      this.who = who;
      this.policy = policy;
      this.runFor = runFor;
    }

    Draft who(RtcTokenQuery w) {
      this.who = w;
      return this;
    }

    Draft skew(Duration s) {
      this.skew = s;
      return this;
    }

    Draft steps(Step... s) {
      this.steps = Arrays.asList(s);
      return this;
    }

    Draft expect(Expect... e) {
      this.expected = Arrays.asList(e);
      return this;
    }

    QaPreset build() {
      return new QaPreset(
          id, title, text, flow, who, policy, LATENCY, skew, runFor, steps, expected);
    }
  }
}
