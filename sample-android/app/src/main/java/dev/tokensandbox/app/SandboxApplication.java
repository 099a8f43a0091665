package dev.tokensandbox.app;

import android.app.Application;
import android.os.Build;
import android.os.Handler;
import android.os.Looper;
import android.provider.Settings;
import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.clock.ExecutorClock;
import java.util.concurrent.Executors;

/**
 * Owns the one {@link SampleController} of the process, so it outlives activity recreation
 * (rotation): one core thread (its clock), one I/O pool, one OkHttpClient, results posted to the
 * main thread.
 */
public class SandboxApplication extends Application {
  private SampleController controller;

  /** The process's controller, created on first use. */
  public synchronized SampleController controller() {
    if (controller == null) {
      controller = createController();
      controller.setCleartextPolicy(
          host ->
              android.security.NetworkSecurityPolicy.getInstance()
                  .isCleartextTrafficPermitted(host));
    }
    return controller;
  }

  /** Builds the controller (tests override this to run it on virtual time). */
  protected SampleController createController() {
    Handler main = new Handler(Looper.getMainLooper());
    return new SampleController(
        ExecutorClock.system("app-core"),
        Executors.newCachedThreadPool(),
        main::post,
        BackendClient.defaultHttpClient(),
        deviceId(),
        Build.MANUFACTURER + " " + Build.MODEL,
        "Android " + Build.VERSION.RELEASE + " (API " + Build.VERSION.SDK_INT + ")");
  }

  /** A stable id for this install, safe for the device channel ({@code [A-Za-z0-9._-]}). */
  protected String deviceId() {
    String androidId = Settings.Secure.getString(getContentResolver(), Settings.Secure.ANDROID_ID);
    String id =
        "android-" + (androidId == null ? "device" : androidId.replaceAll("[^A-Za-z0-9]", ""));
    return id.length() > 40 ? id.substring(0, 40) : id;
  }
}
