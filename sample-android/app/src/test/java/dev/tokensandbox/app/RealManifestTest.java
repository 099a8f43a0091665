package dev.tokensandbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeTrue;
import static org.robolectric.Shadows.shadowOf;

import android.content.Intent;
import android.content.pm.ResolveInfo;
import android.content.res.XmlResourceParser;
import android.net.Uri;
import android.os.Looper;
import android.widget.TextView;
import dev.tokensandbox.backend.clock.SandboxTime;
import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.client.clock.VirtualClock;
import dev.tokensandbox.protocol.PairingPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.annotation.Config;
import org.xmlpull.v1.XmlPullParser;

/**
 * The app under Robolectric with its real manifest and binary resources, linked by aapt2 before the
 * tests ({@code src/build/link-resources.sh}, as the APK's): the camera's pairing link resolves to
 * the app through the manifest's intent filter and opens it paired to a LAN address, the launcher
 * finds it, and the network security config the manifest names lets the debug app reach any address
 * it was paired with. Skipped only where Debian's Android tools are missing (CI has them).
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = 35, application = TestApp.class)
public class RealManifestTest {
  private static final String PACKAGE = "dev.tokensandbox.app";

  private VirtualClock clock;
  private SandboxServer server;
  private ActivityController<MainActivity> launched;

  @Before
  public void start() {
    assumeTrue(
        "aapt2 linked no resources for Robolectric (Debian's Android tools are missing)",
        getClass().getResource("/com/android/tools/test_config.properties") != null);
    clock = new VirtualClock(Instant.parse("2026-11-24T12:00:00Z"));
    TestApp.clock = clock;
    server =
        SandboxServer.builder()
            .workspace(Workspace.generate(new Random(7)))
            .time(SandboxTime.following(clock::now))
            .port(0)
            .lan(true)
            .log(line -> {})
            .start();
  }

  @After
  public void stop() {
    if (launched != null) {
      launched.pause().stop().destroy();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  public void theCamerasPairingLinkResolvesToTheAppAndOpensItPaired() {
    String link = PairingPayload.format(server.url(), server.pairingCode().orElseThrow());
    Intent view = new Intent(Intent.ACTION_VIEW, Uri.parse(link));
    view.addCategory(Intent.CATEGORY_BROWSABLE);

    // What the phone does with the scanned link: ask the package manager, from the manifest.
    List<ResolveInfo> handlers =
        RuntimeEnvironment.getApplication().getPackageManager().queryIntentActivities(view, 0);
    assertThat(handlers)
        .extracting(r -> r.activityInfo.name)
        .containsExactly(MainActivity.class.getName());
    Intent other = new Intent(Intent.ACTION_VIEW, Uri.parse("tokensandbox://other?url=x"));
    other.addCategory(Intent.CATEGORY_BROWSABLE);
    assertThat(
            RuntimeEnvironment.getApplication().getPackageManager().queryIntentActivities(other, 0))
        .isEmpty();

    launched = Robolectric.buildActivity(MainActivity.class, view).setup();
    settle(() -> pairing().contains("control connected"));
    assertThat(pairing()).startsWith(server.url()).contains("· paired");
  }

  @Test
  public void theLauncherFindsTheApp() {
    Intent launch =
        RuntimeEnvironment.getApplication().getPackageManager().getLaunchIntentForPackage(PACKAGE);
    assertThat(launch).isNotNull();
    assertThat(launch.getComponent().getClassName()).isEqualTo(MainActivity.class.getName());
  }

  @Test
  public void theNetworkSecurityConfigLetsTheDebugAppReachAnyPairedAddress() throws Exception {
    android.content.Context app = RuntimeEnvironment.getApplication();
    int id = app.getResources().getIdentifier("network_security_config", "xml", PACKAGE);
    assertThat(id).as("res/xml/network_security_config in the linked resources").isNotZero();
    // The manifest names it (a hidden ApplicationInfo field the platform reads at start-up).
    assertThat(
            android.content.pm.ApplicationInfo.class
                .getField("networkSecurityConfigRes")
                .getInt(app.getApplicationInfo()))
        .as("android:networkSecurityConfig")
        .isEqualTo(id);
    String baseCleartext = null;
    try (XmlResourceParser xml = app.getResources().getXml(id)) {
      for (int e = xml.next(); e != XmlPullParser.END_DOCUMENT; e = xml.next()) {
        if (e == XmlPullParser.START_TAG && xml.getName().equals("base-config")) {
          baseCleartext =
              xml.getAttributeValue(null, "cleartextTrafficPermitted") != null
                  ? xml.getAttributeValue(null, "cleartextTrafficPermitted")
                  : String.valueOf(
                      xml.getAttributeBooleanValue(null, "cleartextTrafficPermitted", false));
        }
      }
    }
    assertThat(baseCleartext).isEqualTo("true");
    assertThat(app.getApplicationInfo().flags & android.content.pm.ApplicationInfo.FLAG_DEBUGGABLE)
        .as("debuggable")
        .isNotZero();
  }

  private String pairing() {
    return ((TextView) launched.get().findViewById(Ids.PAIRING)).getText().toString();
  }

  private void settle(java.util.function.BooleanSupplier done) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline && !done.getAsBoolean()) {
      clock.advanceBy(Duration.ZERO);
      shadowOf(Looper.getMainLooper()).idle();
      Thread.onSpinWait();
    }
    assertThat(done.getAsBoolean()).as("paired; pairing line: " + pairing()).isTrue();
  }
}
