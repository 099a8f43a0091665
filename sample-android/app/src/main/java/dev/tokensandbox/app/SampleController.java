package dev.tokensandbox.app;

import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.backend.FetchedToken;
import dev.tokensandbox.client.backend.Outcome;
import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.clock.CallRunner;
import dev.tokensandbox.client.clock.SandboxClock;
import dev.tokensandbox.client.control.ControlChannel;
import dev.tokensandbox.client.rtc.RtcNames;
import dev.tokensandbox.client.rtc.RtcService;
import dev.tokensandbox.client.rtc.SdkProfile;
import dev.tokensandbox.client.session.EventKind;
import dev.tokensandbox.client.session.RenewalPolicy;
import dev.tokensandbox.client.session.TimelineEvent;
import dev.tokensandbox.client.session.TokenSession;
import dev.tokensandbox.client.session.TokenSource;
import dev.tokensandbox.protocol.Flow;
import dev.tokensandbox.protocol.PairingPayload;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;

/**
 * The sample app's logic, free of Android: configure the backend (typed URL or the desktop's QR
 * payload), log in, fetch through one of the four seed flows, join a simulated channel and renew as
 * the SDK's callbacks fire — all with the client core, which talks only to the customer backend. It
 * keeps a {@link ControlChannel} to the sandbox so the desktop can see and drive it. All state
 * lives on the core clock's thread; the attached {@link View} gets immutable {@link AppState}s on
 * the UI executor. It outlives activities: the activity attaches on create and detaches on destroy.
 */
public final class SampleController {
  /** Most events kept for the list. */
  public static final int MAX_EVENTS = 100;

  /** The screen. */
  public interface View {
    void render(AppState state);
  }

  private final SandboxClock clock;
  private final Executor io;
  private final Executor ui;
  private final OkHttpClient http;
  private final String deviceId;
  private final String deviceName;
  private final String platform;
  private volatile View view;
  private volatile java.util.function.Predicate<String> cleartextPermitted = host -> true;

  // Everything below is touched on the clock's thread only.
  private BackendAddress address;
  private String pairingCode;
  private BackendClient client;
  private ControlChannel control;
  private String controlStatus = "not paired";
  private String user = "";
  private String password = "";
  private Flow flow = Flow.SHENGWANG;
  private RenewalPolicy.Trigger trigger = RenewalPolicy.Trigger.BOTH;
  private SdkProfile sdk = SdkProfile.V4_6;
  private TokenSession session;
  private FetchedToken token;
  private Instant expiresAt;
  private String state = "idle";
  private final EventLog events;
  private String message = "";
  private boolean error;

  public SampleController(
      SandboxClock clock,
      Executor io,
      Executor ui,
      OkHttpClient http,
      String deviceId,
      String deviceName,
      String platform) {
    this.clock = clock;
    this.io = io;
    this.ui = ui;
    this.http = http;
    this.deviceId = deviceId;
    this.deviceName = deviceName;
    this.platform = platform;
    this.events =
        new EventLog(
            clock,
            MAX_EVENTS,
            line -> {
              if (control != null) {
                control.sendEvent(line);
              }
            });
  }

  /**
   * Whether this device lets the app speak cleartext HTTP to a host (Android's
   * NetworkSecurityPolicy; the application sets it). A refused address is reported when it is set,
   * not discovered later as failures that would be retried forever.
   */
  public void setCleartextPolicy(java.util.function.Predicate<String> permitted) {
    this.cleartextPermitted = permitted;
  }

  public SandboxClock clock() {
    return clock;
  }

  /**
   * Shows state on {@code v} from now on (the latest state at once). A screen opened again after
   * Back finished the last one reconnects the device channel it stopped.
   */
  public void attach(View v) {
    view = v;
    onClock(
        () -> {
          if (address != null && control == null) {
            startControl();
          }
          publish();
        });
  }

  /** Stops showing state on {@code v} (it is being destroyed). */
  public void detach(View v) {
    if (view == v) {
      view = null;
    }
  }

  /** True while a view is attached (tests check nothing leaks past onDestroy). */
  public boolean hasView() {
    return view != null;
  }

  /**
   * Uses the backend {@code input} names: a typed URL, or the desktop's pairing payload ({@code
   * tokensandbox://pair?url=…&code=…}). Returns an error message for the UI, or null.
   */
  public String configure(String input) {
    String url;
    String code;
    try {
      if (input != null && input.trim().startsWith(PairingPayload.SCHEME + ":")) {
        PairingPayload payload = PairingPayload.parse(input);
        url = payload.url();
        code = payload.code();
      } else {
        url = input;
        code = null;
      }
      BackendAddress parsed = BackendAddress.parse(url);
      if (parsed.isCleartext() && !cleartextPermitted.test(parsed.host())) {
        return "This app's network security config refuses cleartext HTTP to "
            + parsed.host()
            + ": allow that host in res/xml/network_security_config.xml, or serve the sandbox"
            + " over HTTPS.";
      }
      onClock(() -> use(parsed, code));
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** Logs in as a demo user (every later fetch uses this login). */
  public void login(String username, String pass) {
    onClock(
        () -> {
          if (requireBackend()) {
            return;
          }
          user = username == null ? "" : username.trim();
          password = pass == null ? "" : pass;
          say("Logging in as " + user + " …", false);
          BackendClient c = client;
          CallRunner.background(clock, io)
              .run(
                  () -> c.login(user, password),
                  outcome -> {
                    if (outcome.isSuccess()) {
                      event("LOGGED_IN " + user);
                      say("Logged in as " + user, false);
                    } else {
                      user = "";
                      say("Login failed: " + outcome.describe(), true);
                    }
                  });
        });
  }

  public void setFlow(Flow f) {
    onClock(
        () -> {
          flow = f;
          publish();
        });
  }

  /** Renewal policy for the next join. */
  public void setTrigger(RenewalPolicy.Trigger t) {
    onClock(() -> trigger(t));
  }

  /** The RTC SDK generation the simulated engine behaves as, from the next join. */
  public void setSdk(SdkProfile p) {
    onClock(
        () -> {
          if (p != sdk) {
            sdk = p;
            say(
                "Engine behaves as " + p.label() + (session != null ? " (from the next join)" : ""),
                false);
          }
        });
  }

  /** Fetches one token through the chosen flow (without joining) and shows it. */
  public void fetch() {
    onClock(this::doFetch);
  }

  /** Fetches and joins (RTC) or starts the session's renewal timers (JWT flows). */
  public void join() {
    onClock(this::doJoin);
  }

  /** Asks for a fresh token now (as an app coming back to the foreground would). */
  public void renew() {
    onClock(this::doRenew);
  }

  /** The engine behaves as if the token expired this instant (RTC flows). */
  public void expireNow() {
    onClock(this::doExpireNow);
  }

  public void leave() {
    onClock(this::doLeave);
  }

  /** Stops everything (the app is finishing). */
  public void shutdown() {
    onClock(
        () -> {
          doLeave();
          if (control != null) {
            control.stop();
            control = null;
          }
        });
  }

  // ---- on the clock's thread ----

  private void use(BackendAddress parsed, String code) {
    doLeave();
    address = parsed;
    pairingCode = code;
    client =
        BackendClient.builder(address.toString())
            .httpClient(http)
            .device(deviceId)
            .pairingCode(code)
            .build();
    if (control != null) {
      control.stop();
      control = null;
    }
    startControl();
    say(
        "Backend "
            + address
            + (code == null ? "" : " (paired with code)")
            + (address.isCleartext() ? " · cleartext HTTP: sandbox only" : ""),
        false);
  }

  private void startControl() {
    control =
        ControlChannel.builder(address.toString(), deviceId, clock)
            .httpClient(http)
            .name(deviceName)
            .platform(platform)
            .pairingCode(pairingCode)
            .listener(ControlChannel.listener(this::controlStatus, this::command))
            .build();
    control.start();
  }

  private boolean requireBackend() {
    if (client == null) {
      say("Set the backend URL or scan the desktop's QR code first.", true);
      return true;
    }
    return false;
  }

  private TokenSource source() {
    return TokenSource.backend(
        client, flow, who(), user.isEmpty() ? null : user, user.isEmpty() ? null : password);
  }

  private RtcTokenQuery who() {
    return RtcTokenQuery.uid(
        "sandbox-demo", 2000 + Math.abs(deviceId.hashCode() % 8000), true, 120);
  }

  private void doFetch() {
    if (requireBackend()) {
      return;
    }
    if (flow == Flow.CHATSDK && user.isEmpty()) {
      say("ChatSDK needs a login first (demo user alice / alice-demo).", true);
      return;
    }
    say("Fetching through " + flow.label() + " …", false);
    TokenSource s = source();
    Flow f = flow;
    CallRunner.background(clock, io)
        .run(
            s::fetch,
            (Outcome<FetchedToken> outcome) -> {
              if (outcome.isSuccess()) {
                token = outcome.successValue().get();
                // JWT flows say expiresIn; an RTC token lives as long as the app asked for.
                long lifetime =
                    token.expiresInSeconds() > 0 ? token.expiresInSeconds() : requestedLifetime(f);
                expiresAt = lifetime > 0 ? clock.now().plusSeconds(lifetime) : null;
                event("TOKEN_ISSUED " + token.fingerprint() + " via " + f.label());
                say("Fetched " + token.fingerprint(), false);
              } else {
                event("FETCH_FAILED " + outcome.describe());
                say("Fetch failed: " + outcome.describe(), true);
              }
            });
  }

  private long requestedLifetime(Flow f) {
    Integer asked = who().expireSeconds();
    return f.isRtc() && asked != null ? asked : -1;
  }

  private void doJoin() {
    if (requireBackend()) {
      return;
    }
    if (session != null) {
      say("Already joined: leave first.", true);
      return;
    }
    if (flow == Flow.CHATSDK && user.isEmpty()) {
      say("ChatSDK needs a login first (demo user alice / alice-demo).", true);
      return;
    }
    TokenSession.Builder b =
        TokenSession.builder(deviceId, clock, source())
            .policy(RenewalPolicy.recommended().withTrigger(trigger).withSdk(sdk))
            .runner(CallRunner.background(clock, io))
            .listener(this::timeline);
    if (flow.isRtc()) {
      b.rtc(who(), RtcService.backend(client));
    }
    session = b.build();
    say("Joining through " + flow.label() + " …", false);
    session.start();
  }

  private void doRenew() {
    if (session == null) {
      say("Join first: renew refreshes the joined session's token.", true);
      return;
    }
    session.refresh("renew button");
  }

  private void doExpireNow() {
    if (session == null || session.simulatedEngine() == null) {
      say("Expire now needs a joined RTC flow.", true);
      return;
    }
    session.simulatedEngine().expireNow();
  }

  private void doLeave() {
    if (session != null) {
      session.stop();
      session = null;
      state = "left";
      publish();
    }
  }

  private void trigger(RenewalPolicy.Trigger t) {
    trigger = t;
    say("Renewal policy: renew on " + t + (session != null ? " (from the next join)" : ""), false);
  }

  private void timeline(TimelineEvent e) {
    FetchedToken current = session == null ? null : session.currentToken();
    if (current != null) {
      token = current;
      expiresAt = session.currentExpiresAt();
    }
    state =
        session != null && session.engine() != null
            ? RtcNames.state(session.connectionState())
            : e.kind() == EventKind.GAVE_UP ? "GAVE_UP" : "ACTIVE";
    event(e.kind() + (e.detail().isEmpty() ? "" : " " + e.detail()));
    if (e.kind().isFailure()) {
      say(e.kind() + ": " + e.detail(), true);
    } else if (e.kind() == EventKind.JOINED
        || e.kind() == EventKind.REJOINED
        || e.kind() == EventKind.READY
        || e.kind() == EventKind.RENEWED) {
      // "Joining…" gives way to what happened.
      say(e.kind() + (e.detail().isEmpty() ? "" : ": " + e.detail()), false);
    } else {
      publish();
    }
  }

  private void controlStatus(ControlChannel.Status status, String detail) {
    controlStatus =
        status.name().toLowerCase(Locale.ROOT) + (detail.isEmpty() ? "" : " · " + detail);
    publish();
  }

  /** The desktop (or a test) asks; the answer goes back on the channel. */
  private void command(ControlChannel.Command c) {
    event("COMMAND " + c.name() + " from the desktop");
    new RemoteCommands(remote, (id, ok, text) -> control.sendResult(id, ok, text)).handle(c);
  }

  /** What the desktop's commands do here: the same as the buttons. */
  private final RemoteCommands.Device remote =
      new RemoteCommands.Device() {
        @Override
        public void fetch() {
          doFetch();
        }

        @Override
        public void join() {
          doJoin();
        }

        @Override
        public void renew() {
          doRenew();
        }

        @Override
        public void expireNow() {
          doExpireNow();
        }

        @Override
        public void leave() {
          doLeave();
        }

        @Override
        public void trigger(RenewalPolicy.Trigger t) {
          SampleController.this.trigger(t);
        }

        @Override
        public void faultSet(String fault) {
          say("Desktop set a fault for this device: " + fault, false);
        }

        @Override
        public boolean joined() {
          return session != null;
        }

        @Override
        public String flowLabel() {
          return flow.label();
        }

        @Override
        public String message() {
          return message;
        }

        @Override
        public boolean failed() {
          return error;
        }
      };

  private void event(String line) {
    events.add(line);
  }

  private void say(String text, boolean isError) {
    message = text;
    error = isError;
    publish();
  }

  private void publish() {
    if (control != null) {
      control.sendState(
          flow.name(), state, token == null ? "" : token.fingerprint(), expiresAt, trigger.name());
    }
    AppState snapshot =
        new AppState(
            address == null ? "" : address.toString(),
            pairingCode != null,
            controlStatus,
            user,
            flow,
            trigger,
            sdk,
            token == null ? "" : token.fingerprint(),
            expiresAt,
            state,
            events.lines(),
            message,
            error);
    View v = view;
    if (v != null) {
      ui.execute(
          () -> {
            View current = view;
            if (current != null) {
              current.render(snapshot);
            }
          });
    }
  }

  private void onClock(Runnable r) {
    clock.schedule(clock.now(), r);
  }
}
