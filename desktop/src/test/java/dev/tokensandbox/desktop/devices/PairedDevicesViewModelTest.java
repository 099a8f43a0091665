package dev.tokensandbox.desktop.devices;

import static dev.tokensandbox.desktop.testing.SandboxUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.client.clock.ExecutorClock;
import dev.tokensandbox.client.control.ControlChannel;
import dev.tokensandbox.desktop.testing.SandboxTest;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A phone's end of the device channel (the client core's {@link ControlChannel}, as the Android
 * sample uses it) paired with the desktop: it shows up, reports, and takes the desktop's commands.
 */
class PairedDevicesViewModelTest extends SandboxTest {
  private final ExecutorClock phoneClock = ExecutorClock.system("phone");
  private final BlockingQueue<ControlChannel.Command> received = new LinkedBlockingQueue<>();
  private PairedDevicesViewModel model;
  private ControlChannel phone;

  @BeforeEach
  void pair() {
    model = sut.sandbox.paired;
    phone =
        ControlChannel.builder(sut.url(), "pixel-7", phoneClock)
            .httpClient(new OkHttpClient())
            .name("Pixel 7")
            .platform("Android 14")
            .listener(ControlChannel.listener((s, d) -> {}, received::add))
            .build();
    phoneClock.schedule(
        phoneClock.now(),
        () -> {
          phone.start();
          phone.sendState(
              "SHENGWANG", "CONNECTED", "tok:1a2b3c4d", phoneClock.now().plusSeconds(90), "BOTH");
          phone.sendEvent("12:00:01  JOINED sandbox-demo");
        });
  }

  @AfterEach
  void unpair() throws Exception {
    java.util.concurrent.CompletableFuture<Void> stopped =
        new java.util.concurrent.CompletableFuture<>();
    phoneClock.schedule(
        phoneClock.now(),
        () -> {
          phone.stop();
          stopped.complete(null);
        });
    stopped.get(5, TimeUnit.SECONDS);
    phoneClock.close();
  }

  private PairedDevicesViewModel.Row row() {
    return ui.call(this::first);
  }

  /** The first row; call on the UI thread. */
  private PairedDevicesViewModel.Row first() {
    return model.rows().isEmpty() ? null : model.rows().get(0);
  }

  /** Waits until the first row exists and {@code test} holds for it (read on the UI thread). */
  private void awaitRow(
      String what, java.util.function.Predicate<PairedDevicesViewModel.Row> test) {
    await(what, () -> ui.call(() -> first() != null && test.test(first())));
  }

  @Test
  void aPairedPhoneShowsUpWithItsStateAndEvents() {
    awaitRow(
        "the phone's report",
        r -> r.stateProperty().get().equals("CONNECTED") && !r.log().isEmpty());
    PairedDevicesViewModel.Row row = row();

    assertThat(row.id()).isEqualTo("pixel-7");
    assertThat(ui.call(() -> row.nameProperty().get())).isEqualTo("Pixel 7 · Android 14");
    assertThat(ui.call(() -> row.onlineProperty().get())).isEqualTo("online");
    assertThat(ui.call(() -> row.tokenProperty().get())).isEqualTo("tok:1a2b3c4d");
    assertThat(ui.call(() -> row.policyProperty().get())).isEqualTo("BOTH");
    ui.run(model::tick);
    assertThat(ui.call(() -> row.countdownProperty().get())).matches("1:[23]\\d");
    assertThat(ui.call(() -> row.log().get(0))).contains("JOINED");
  }

  @Test
  void theDesktopsCommandsReachThePhone() throws Exception {
    awaitRow("the phone", r -> r.onlineProperty().get().equals("online"));

    ui.run(() -> model.send(dev.tokensandbox.protocol.DeviceCommand.RENEW));
    ControlChannel.Command renew = received.poll(10, TimeUnit.SECONDS);
    assertThat(renew).isNotNull();
    assertThat(renew.name()).isEqualTo("renew");
    await(
        "the answer",
        () -> ui.call(() -> model.messageProperty().get()).startsWith("pixel-7: renew sent"));

    ui.run(() -> model.setPolicy("REQUEST_TOKEN"));
    ControlChannel.Command policy = received.poll(10, TimeUnit.SECONDS);
    assertThat(policy.arg("trigger", "")).isEqualTo("REQUEST_TOKEN");

    ui.run(() -> model.setFault("Backend answers 503"));
    assertThat(received.poll(10, TimeUnit.SECONDS).name()).isEqualTo("setFault");
    assertThat(sut.sandbox.host().server().orElseThrow().admin().faults().rules())
        .singleElement()
        .extracting(FaultRule::device)
        .isEqualTo("pixel-7");
    awaitRow("the fault on the row", r -> r.faultProperty().get().equals("STATUS 503"));
  }

  @Test
  void aPhoneThatLeftIsShownOfflineAndCommandsSayWhy() {
    awaitRow("the phone", r -> r.onlineProperty().get().equals("online"));
    phoneClock.schedule(phoneClock.now(), phone::stop);
    awaitRow("offline", r -> r.onlineProperty().get().equals("offline"));

    ui.run(() -> model.send(dev.tokensandbox.protocol.DeviceCommand.JOIN));
    await(
        "the refusal",
        () ->
            ui.call(() -> model.messageProperty().get()).startsWith("pixel-7: join refused, 409"));
  }
}
