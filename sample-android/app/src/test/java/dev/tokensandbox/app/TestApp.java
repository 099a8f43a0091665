package dev.tokensandbox.app;

import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.clock.VirtualClock;
import java.util.concurrent.Executor;

/**
 * The app as the tests run it: the same controller, on a {@link VirtualClock} the test advances,
 * with blocking calls made inline on that clock's thread (the test thread) so every step is
 * deterministic. Results reach the UI through the main looper, as on a phone.
 */
public class TestApp extends SandboxApplication {
  static VirtualClock clock;
  static final String DEVICE = "robolectric-phone";

  @Override
  protected SampleController createController() {
    android.os.Handler main = new android.os.Handler(android.os.Looper.getMainLooper());
    Executor inline = Runnable::run;
    return new SampleController(
        clock,
        inline,
        main::post,
        BackendClient.defaultHttpClient(),
        DEVICE,
        "Robolectric phone",
        "Android (Robolectric)");
  }
}
