package dev.tokensandbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.os.Looper;
import android.widget.Button;
import android.widget.EditText;
import android.widget.ListView;
import android.widget.Spinner;
import android.widget.TextView;
import dev.tokensandbox.backend.clock.SandboxTime;
import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.client.clock.VirtualClock;
import dev.tokensandbox.client.rtc.SdkProfile;
import dev.tokensandbox.protocol.Flow;
import dev.tokensandbox.protocol.PairingPayload;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.annotation.Config;

/**
 * The real activity under Robolectric against a real sandbox on port 0, both on one virtual clock:
 * launch, pair, log in, fetch through every flow, join and watch renewals, faults and backoff, be
 * driven from the desktop's side of the device channel, rotate and destroy.
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = 35, manifest = Config.NONE, application = TestApp.class)
public class MainActivityTest {
  private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");
  private static final Workspace WORKSPACE = Workspace.generate(new Random(7));

  private final OkHttpClient http = new OkHttpClient();
  private VirtualClock clock;
  private SandboxServer server;
  private ActivityController<MainActivity> launched;
  private MainActivity activity;

  @Before
  public void start() {
    clock = new VirtualClock(START);
    TestApp.clock = clock;
    server =
        SandboxServer.builder()
            .workspace(WORKSPACE)
            .time(SandboxTime.following(clock::now))
            .port(0)
            .log(line -> {})
            .start();
    launched = Robolectric.buildActivity(MainActivity.class).setup();
    activity = launched.get();
  }

  @After
  public void stop() {
    if (launched != null) {
      launched.pause().stop().destroy();
    }
    server.close();
  }

  /** Runs due work on the virtual clock and the main looper until {@code done} (10 s at most). */
  private void settle(String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      clock.advanceBy(Duration.ZERO);
      shadowOf(Looper.getMainLooper()).idle();
      if (done.getAsBoolean()) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("timed out waiting for " + what + "; message: " + text(Ids.MESSAGE));
  }

  /** Moves virtual time forward, letting the app and the main looper keep up. */
  private void advance(Duration d) {
    Instant target = clock.now().plus(d);
    while (clock.now().isBefore(target)) {
      clock.advanceBy(Duration.ofMillis(500));
      shadowOf(Looper.getMainLooper()).idle();
    }
  }

  private String text(int id) {
    return ((TextView) activity.findViewById(id)).getText().toString();
  }

  private void click(int id) {
    ((Button) activity.findViewById(id)).performClick();
  }

  private void useBackend(String input) {
    ((EditText) activity.findViewById(Ids.BACKEND_URL)).setText(input);
    click(Ids.USE_BACKEND);
    settle("the backend", () -> text(Ids.PAIRING).startsWith(server.url()));
  }

  private List<String> events() {
    ListView list = activity.findViewById(Ids.EVENTS);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.getAdapter().getCount(); i++) {
      out.add((String) list.getAdapter().getItem(i));
    }
    return out;
  }

  private boolean hasEvent(String kind) {
    return events().stream().anyMatch(e -> e.contains("  " + kind));
  }

  private void chooseFlow(Flow flow) {
    ((Spinner) activity.findViewById(Ids.FLOW)).setSelection(flow.ordinal());
    shadowOf(Looper.getMainLooper()).idle();
    settle("the flow", () -> text(Ids.STATUS).contains("State:"));
  }

  @Test
  public void loginThenFetchThroughEveryFlowShowsTheTokenAndACountdown() {
    useBackend(server.url());
    click(Ids.LOGIN);
    settle("the login", () -> text(Ids.STATUS).contains("logged in as alice"));

    for (Flow flow : Flow.values()) {
      chooseFlow(flow);
      String before = text(Ids.TOKEN);
      click(Ids.FETCH);
      settle(
          flow + " token",
          () -> !text(Ids.TOKEN).equals(before) && text(Ids.TOKEN).contains(flow.label()));
      assertThat(text(Ids.TOKEN)).matches("Token tok:[0-9a-f]{8} · " + flow.label());
      assertThat(text(Ids.COUNTDOWN)).as(flow.name()).startsWith("expires in ");
    }
    assertThat(text(Ids.MESSAGE)).startsWith("Fetched tok:");
  }

  @Test
  public void joinedTheAppRenewsOnWillExpireAndBacksOffWhenTheBackendFails() {
    useBackend(server.url());
    click(Ids.JOIN);
    settle("the join", () -> hasEvent("JOINED"));
    assertThat(text(Ids.STATUS)).startsWith("State: CONNECTED");

    // 120 s tokens: will-expire at 90 s, renewal right after.
    advance(Duration.ofSeconds(95));
    settle("the renewal", () -> hasEvent("RENEWED"));
    assertThat(hasEvent("WILL_EXPIRE")).isTrue();

    server.admin().setFaults(FaultPlan.of(FaultRule.always("agora.rtc", Fault.STATUS, 503)));
    advance(Duration.ofSeconds(95));
    settle("the failure", () -> hasEvent("FETCH_FAILED") && hasEvent("RETRY_SCHEDULED"));
    assertThat(text(Ids.MESSAGE)).startsWith("FETCH_FAILED");

    server.admin().clearFaults();
    advance(Duration.ofSeconds(20));
    settle("the recovery", () -> events().get(0).contains("RENEWED") || hasEvent("REJOINED"));
  }

  @Test
  public void pairingByQrPayloadConnectsTheControlChannelAndTheDesktopDrivesTheApp()
      throws Exception {
    // As on a phone: the desktop in LAN mode (pairing code, demo mode off), its QR payload typed
    // in.
    server.close();
    server =
        SandboxServer.builder()
            .workspace(WORKSPACE)
            .time(SandboxTime.following(clock::now))
            .port(0)
            .lan(true)
            .demoUsers(true) // the desktop's "Demo logins on the LAN", ticked for this phone
            .log(line -> {})
            .start();
    String code = server.pairingCode().orElseThrow();
    useBackend(PairingPayload.format(server.url(), code));
    assertThat(text(Ids.PAIRING)).contains("· paired");
    click(Ids.LOGIN);
    settle("the login", () -> text(Ids.STATUS).contains("logged in as alice"));
    settle(
        "the device in the registry and the app's channel up",
        () ->
            server
                    .admin()
                    .device(TestApp.DEVICE)
                    .map(dev.tokensandbox.protocol.admin.Device::connected)
                    .orElse(false)
                && text(Ids.PAIRING).contains("control connected"));

    // The desktop's side: the same HTTP command route the Devices screen uses.
    assertThat(command("{\"command\":\"join\"}")).isEqualTo(202);
    settle("the join from the desktop", () -> hasEvent("JOINED"));
    assertThat(hasEvent("COMMAND join")).isTrue();
    assertThat(command("{\"command\":\"setPolicy\",\"args\":{\"trigger\":\"REQUEST_TOKEN\"}}"))
        .isEqualTo(202);
    settle("the policy", () -> text(Ids.STATUS).contains("renew on REQUEST_TOKEN · "));

    // The app's events and state reach the backend's device registry.
    settle(
        "events in the registry",
        () -> {
          dev.tokensandbox.protocol.admin.Device d =
              server.admin().device(TestApp.DEVICE).orElseThrow();
          return d.events().stream().anyMatch(e -> e.contains("JOINED"))
              && d.state().equals("CONNECTED")
              && d.token().startsWith("tok:")
              && d.policy().equals("REQUEST_TOKEN");
        });
  }

  @Test
  public void theCamerasPairingLinkOpensTheAppPairedAndBackThenReopenReconnects() throws Exception {
    server.close();
    server =
        SandboxServer.builder()
            .workspace(WORKSPACE)
            .time(SandboxTime.following(clock::now))
            .port(0)
            .lan(true)
            .log(line -> {})
            .start();
    launched.pause().stop().destroy();
    // What the camera app does with the desktop's QR link (it carries the long pairing secret):
    // a VIEW intent.
    android.content.Intent link =
        new android.content.Intent(
            android.content.Intent.ACTION_VIEW,
            android.net.Uri.parse(
                PairingPayload.format(server.url(), server.pairing().orElseThrow().secret())));
    launched = Robolectric.buildActivity(MainActivity.class, link).setup();
    activity = launched.get();
    settle("paired from the link", () -> text(Ids.PAIRING).contains("control connected"));
    assertThat(text(Ids.PAIRING)).contains("· paired");

    // Back finishes the activity (the controller stops its channel); opening the app again
    // reconnects it.
    activity.finish();
    launched.pause().stop().destroy();
    settle(
        "the channel stopped",
        () ->
            !server
                .admin()
                .device(TestApp.DEVICE)
                .map(dev.tokensandbox.protocol.admin.Device::connected)
                .orElse(true));
    launched = Robolectric.buildActivity(MainActivity.class).setup();
    activity = launched.get();
    settle("reconnected", () -> text(Ids.PAIRING).contains("control connected"));
  }

  @Test
  public void aJoinReplacesJoiningWithWhatHappened() {
    useBackend(server.url());
    click(Ids.JOIN);
    settle("the join", () -> hasEvent("JOINED"));
    settle("the message", () -> text(Ids.MESSAGE).startsWith("JOINED"));
  }

  @Test
  public void onA3xEngineTheAppLeavesAndJoinsAgainAfterTheKick() {
    useBackend(server.url());
    ((Spinner) activity.findViewById(Ids.SDK)).setSelection(SdkProfile.V3.ordinal());
    shadowOf(Looper.getMainLooper()).idle();
    settle("the SDK choice", () -> text(Ids.STATUS).endsWith("Agora RTC 3.x"));
    click(Ids.JOIN);
    settle("the join", () -> hasEvent("JOINED"));
    click(Ids.EXPIRE_NOW);
    settle("the kick", () -> hasEvent("KICKED"));
    settle("the new join", () -> events().get(0).contains("JOINED"));

    assertThat(events()).anyMatch(e -> e.contains("leaveChannel, then join again"));
    assertThat(hasEvent("REJOINED")).isFalse();
    assertThat(text(Ids.STATUS)).startsWith("State: CONNECTED");
  }

  @Test
  public void anAddressTheSecurityPolicyRefusesIsExplainedAtOnce() {
    ((SandboxApplication) activity.getApplication())
        .controller()
        .setCleartextPolicy(host -> host.equals("localhost"));
    ((EditText) activity.findViewById(Ids.BACKEND_URL)).setText("http://192.168.1.20:8080");
    click(Ids.USE_BACKEND);
    assertThat(text(Ids.MESSAGE))
        .startsWith("This app's network security config refuses cleartext HTTP to 192.168.1.20");
  }

  @Test
  public void aBadAddressIsExplainedNotCrashed() {
    ((EditText) activity.findViewById(Ids.BACKEND_URL)).setText("ftp://nowhere");
    click(Ids.USE_BACKEND);
    assertThat(text(Ids.MESSAGE)).isEqualTo("Backend URL: must start with http:// or https://");
    click(Ids.FETCH);
    settle("the hint", () -> text(Ids.MESSAGE).startsWith("Set the backend URL"));
  }

  @Test
  public void rotationKeepsOneViewAndDestroyLeavesNone() {
    useBackend(server.url());
    click(Ids.JOIN);
    settle("the join", () -> hasEvent("JOINED"));
    SampleController controller = ((SandboxApplication) activity.getApplication()).controller();
    int eventsBefore = events().size();

    launched = launched.recreate();
    activity = launched.get();
    settle("the state after rotation", () -> hasEvent("JOINED"));
    assertThat(controller.hasView()).isTrue();
    assertThat(events()).as("no duplicated callbacks").hasSize(eventsBefore);
    assertThat(text(Ids.STATUS)).startsWith("State: CONNECTED");

    advance(Duration.ofSeconds(95));
    settle("the renewal after rotation", () -> hasEvent("RENEWED"));
    assertThat(events().stream().filter(e -> e.contains("  RENEWED")).count()).isEqualTo(1);

    launched.pause().stop().destroy();
    launched = null;
    assertThat(controller.hasView()).as("no view after onDestroy").isFalse();
  }

  private int command(String json) throws Exception {
    try (Response r =
        http.newCall(
                new Request.Builder()
                    .url(server.url() + "/sandbox/devices/" + TestApp.DEVICE + "/commands")
                    .post(RequestBody.create(json, MediaType.get("application/json")))
                    .build())
            .execute()) {
      return r.code();
    }
  }
}
