package dev.tokensandbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.graphics.Color;
import android.os.Looper;
import android.view.View;
import android.widget.Button;
import dev.tokensandbox.backend.clock.SandboxTime;
import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.client.clock.VirtualClock;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.annotation.Config;
import org.robolectric.annotation.GraphicsMode;

/**
 * Renders the real activity (Robolectric native graphics) after a join and a renewal, and writes it
 * as PNG to {@code screenshot.dir} (default {@code target/screenshots}); the README's picture comes
 * from {@code -Dscreenshot.dir=docs/screenshots}.
 */
@RunWith(RobolectricTestRunner.class)
@Config(
    sdk = 35,
    manifest = Config.NONE,
    application = TestApp.class,
    qualifiers = "w411dp-h891dp-xxhdpi")
@GraphicsMode(GraphicsMode.Mode.NATIVE)
public class AppScreenshotTest {
  private VirtualClock clock;
  private SandboxServer server;
  private ActivityController<MainActivity> launched;

  @Before
  public void start() {
    clock = new VirtualClock(Instant.parse("2026-11-24T12:00:00Z"));
    TestApp.clock = clock;
    server =
        SandboxServer.builder()
            .workspace(Workspace.generate(new Random(7)))
            .time(SandboxTime.following(clock::now))
            .port(0)
            .log(line -> {})
            .start();
    launched = Robolectric.buildActivity(MainActivity.class).setup();
  }

  @After
  public void stop() {
    launched.pause().stop().destroy();
    server.close();
  }

  @Test
  public void theScreenAfterAJoinAndARenewal() throws Exception {
    MainActivity activity = launched.get();
    ((android.widget.EditText) activity.findViewById(Ids.BACKEND_URL)).setText(server.url());
    ((Button) activity.findViewById(Ids.USE_BACKEND)).performClick();
    ((Button) activity.findViewById(Ids.JOIN)).performClick();
    for (int i = 0; i < 200; i++) {
      clock.advanceBy(Duration.ofMillis(500));
      shadowOf(Looper.getMainLooper()).idle();
    }
    View root = activity.getWindow().getDecorView().getRootView();
    root.measure(
        View.MeasureSpec.makeMeasureSpec(1080, View.MeasureSpec.EXACTLY),
        View.MeasureSpec.makeMeasureSpec(2000, View.MeasureSpec.EXACTLY));
    root.layout(0, 0, 1080, 2000);
    Bitmap bitmap = Bitmap.createBitmap(1080, 2000, Bitmap.Config.ARGB_8888);
    Canvas canvas = new Canvas(bitmap);
    canvas.drawColor(Color.WHITE);
    root.draw(canvas);

    Path dir = Path.of(System.getProperty("screenshot.dir", "target/screenshots"));
    Files.createDirectories(dir);
    Path file = dir.resolve("android.png");
    try (OutputStream out = new FileOutputStream(file.toFile())) {
      assertThat(bitmap.compress(Bitmap.CompressFormat.PNG, 100, out)).isTrue();
    }
    assertThat(Files.size(file)).isGreaterThan(10_000);
  }
}
