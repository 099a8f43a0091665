package dev.tokensandbox.desktop.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.client.clock.VirtualClock;
import dev.tokensandbox.desktop.tasks.TaskExecutor;
import dev.tokensandbox.desktop.testing.FakeBackend;
import dev.tokensandbox.protocol.DeviceCommand;
import dev.tokensandbox.protocol.admin.Device;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Devices screen's paired phones, on a fake backend whose admin is in memory: what a phone
 * reports shows up, and the desktop's commands go to the admin with the right arguments. (The
 * phone's own end of the channel is tested against a real server in the client core's
 * ControlChannelTest and the admin contract.)
 */
class PairedDevicesViewModelTest {
  private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
  private final VirtualClock clock = new VirtualClock(T0);
  private final FakeBackend backend = new FakeBackend();
  private PairedDevicesViewModel model;

  @BeforeEach
  void pair() {
    model = new PairedDevicesViewModel(backend, clock, TaskExecutor.currentThread());
    backend.admin.pair(phone(true, ""));
  }

  private static Device phone(boolean online, String fault) {
    return new Device(
        "pixel-7",
        "Pixel 7",
        "Android 14",
        online,
        T0,
        "SHENGWANG",
        "CONNECTED",
        "tok:1a2b3c4d",
        T0.plusSeconds(90),
        "BOTH",
        fault,
        List.of("12:00:01  JOINED sandbox-demo"));
  }

  private PairedDevicesViewModel.Row row() {
    assertThat(model.rows()).hasSize(1);
    return model.rows().get(0);
  }

  @Test
  void aPairedPhoneShowsUpWithItsStateAndEvents() {
    PairedDevicesViewModel.Row row = row();
    assertThat(row.id()).isEqualTo("pixel-7");
    assertThat(row.nameProperty().get()).isEqualTo("Pixel 7 · Android 14");
    assertThat(row.onlineProperty().get()).isEqualTo("online");
    assertThat(row.stateProperty().get()).isEqualTo("CONNECTED");
    assertThat(row.tokenProperty().get()).isEqualTo("tok:1a2b3c4d");
    assertThat(row.policyProperty().get()).isEqualTo("BOTH");
    assertThat(row.faultProperty().get()).isEqualTo("none");
    clock.advanceTo(T0.plusSeconds(15));
    model.tick();
    assertThat(row.countdownProperty().get()).isEqualTo("1:15");
    assertThat(row.log().get(0)).contains("JOINED");
    assertThat(model.messageProperty().get()).isEqualTo("pixel-7 paired");
  }

  @Test
  void theDesktopsCommandsReachTheAdminWithTheirArguments() {
    model.send(DeviceCommand.RENEW);
    assertThat(backend.admin.commands)
        .extracting(c -> c.command())
        .containsExactly(DeviceCommand.RENEW);
    assertThat(model.messageProperty().get()).isEqualTo("pixel-7: renew sent (cmd-1)");

    model.setPolicy("REQUEST_TOKEN");
    assertThat(backend.admin.args.get(1).trigger()).isEqualTo("REQUEST_TOKEN");

    model.setFault("Backend answers 503");
    assertThat(backend.admin.faults().rules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.device()).isEqualTo("pixel-7");
              assertThat(rule.value()).isEqualTo(503);
            })
        .extracting(FaultRule::route)
        .isEqualTo(DevicesViewModel.FAULTS.get("Backend answers 503").route());
    assertThat(row().faultProperty().get()).isEqualTo("STATUS 503");

    model.setFault("No fault");
    assertThat(backend.admin.faults().rules()).isEmpty();
    assertThat(row().faultProperty().get()).isEqualTo("none");
  }

  @Test
  void aPhoneThatLeftIsShownOfflineAndCommandsSayWhy() {
    backend.admin.pair(phone(false, ""));
    assertThat(row().onlineProperty().get()).isEqualTo("offline");

    model.send(DeviceCommand.JOIN);
    assertThat(model.messageProperty().get())
        .isEqualTo("pixel-7: join refused, 409 pixel-7 is not connected right now");
    assertThat(backend.admin.commands).isEmpty();
  }

  @Test
  void withTheBackendStoppedCommandsSaySoAndARestartFollowsTheNewRegistry() {
    backend.stop();
    model.send(DeviceCommand.RENEW);
    assertThat(model.messageProperty().get()).isEqualTo("The backend is not running.");
    backend.start(0, false);
    model.send(DeviceCommand.RENEW);
    assertThat(model.messageProperty().get()).isEqualTo("pixel-7: renew sent (cmd-1)");
  }
}
