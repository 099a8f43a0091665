package dev.tokensandbox.backend.internal.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.traffic.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A registry that runs for days stays small: gone devices are forgotten. */
class DeviceRegistryTest {
  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-11-24T12:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final HandClock clock = new HandClock();
  private final DeviceRegistry registry = new DeviceRegistry(clock, new Redactor(), Runnable::run);

  @Test
  void connectDisconnectCyclesDoNotGrowTheRegistry() {
    for (int i = 0; i < 300; i++) {
      DeviceRegistry.Outlet outlet = json -> {};
      registry.connected("phone-" + i, "Phone " + i, "Android", outlet);
      registry.disconnected("phone-" + i, outlet);
      clock.now = clock.now.plusSeconds(1);
    }
    assertThat(registry.devices()).hasSize(DeviceRegistry.MAX_OFFLINE);
    // The longest gone went first.
    assertThat(registry.devices())
        .extracting(dev.tokensandbox.protocol.admin.Device::id)
        .doesNotContain("phone-0");
    assertThat(registry.isKnown("phone-299")).isTrue();
  }

  @Test
  void aDisconnectedDeviceIsForgottenAfterTheGracePeriodAConnectedOneNever() {
    DeviceRegistry.Outlet gone = json -> {};
    registry.connected("gone", "Gone", "", gone);
    registry.disconnected("gone", gone);
    registry.connected("here", "Here", "", json -> {});

    clock.now = clock.now.plus(DeviceRegistry.FORGET_AFTER.minus(Duration.ofSeconds(1)));
    assertThat(registry.devices())
        .extracting(dev.tokensandbox.protocol.admin.Device::id)
        .contains("gone", "here");

    clock.now = clock.now.plus(Duration.ofHours(24));
    assertThat(registry.devices())
        .extracting(dev.tokensandbox.protocol.admin.Device::id)
        .containsExactly("here");
    assertThat(registry.isKnown("gone")).isFalse();
  }

  @Test
  void aForgottenDeviceThatComesBackIsListedAgain() {
    DeviceRegistry.Outlet first = json -> {};
    registry.connected("phone", "Phone", "", first);
    registry.disconnected("phone", first);
    clock.now = clock.now.plus(Duration.ofHours(1));
    assertThat(registry.devices()).isEmpty();

    registry.connected("phone", "Phone", "", json -> {});
    assertThat(registry.devices())
        .singleElement()
        .satisfies(d -> assertThat(d.connected()).isTrue());
  }
}
