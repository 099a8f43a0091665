package dev.tokensandbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import android.view.View;
import dev.tokensandbox.client.clock.VirtualClock;
import java.time.Instant;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.annotation.Config;

/**
 * The screen on a tall phone, in landscape and on a small phone: the event list and the message
 * line always get room (they had a height of 0 in landscape).
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = 35, manifest = Config.NONE, application = TestApp.class)
public class ScreenSizesTest {
  private ActivityController<MainActivity> launched;

  @After
  public void stop() {
    launched.pause().stop().destroy();
  }

  /**
   * {@code minList}: the least height (dp) of the event list: two rows of 48 dp on a small phone.
   */
  private void check(String qualifiers, float minList) {
    RuntimeEnvironment.setQualifiers(qualifiers);
    TestApp.clock = new VirtualClock(Instant.parse("2026-11-24T12:00:00Z"));
    launched = Robolectric.buildActivity(MainActivity.class).setup().visible();
    MainActivity activity = launched.get();
    View root = activity.getWindow().getDecorView();
    root.measure(
        View.MeasureSpec.makeMeasureSpec(root.getWidth(), View.MeasureSpec.EXACTLY),
        View.MeasureSpec.makeMeasureSpec(root.getHeight(), View.MeasureSpec.EXACTLY));
    root.layout(0, 0, root.getWidth(), root.getHeight());
    float density = activity.getResources().getDisplayMetrics().density;
    View events = activity.findViewById(Ids.EVENTS);
    View message = activity.findViewById(Ids.MESSAGE);
    View controls = activity.findViewById(Ids.CONTROLS);
    assertThat(events.getHeight() / density).as(qualifiers + ": event list").isGreaterThan(minList);
    assertThat(controls.getHeight() / density)
        .as(qualifiers + ": controls (they scroll)")
        .isGreaterThan(minList);
    assertThat(message.getVisibility()).isEqualTo(View.VISIBLE);
    assertThat(message.getLayoutParams().height).as("the message line is not squeezed").isNotZero();
    assertThat(message.getHeight()).as(qualifiers + ": the message line").isPositive();
  }

  @Test
  public void aTallPhone() {
    check("w411dp-h891dp-xxhdpi", 200);
  }

  @Test
  public void landscape() {
    check("w891dp-h411dp-land-xxhdpi", 150);
  }

  @Test
  public void aSmallPhone() {
    check("w320dp-h480dp-mdpi", 90);
  }
}
