package dev.tokensandbox.desktop.diagram;

import static dev.tokensandbox.desktop.testing.SandboxUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.tokensandbox.desktop.testing.SandboxTest;
import dev.tokensandbox.desktop.testing.SandboxUnderTest;
import dev.tokensandbox.protocol.PairingPayload;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Architecture screen's model: status, pairing payload, QR code, hops, controls. */
class ArchitectureViewModelTest extends SandboxTest {
  private ArchitectureViewModel model;

  @BeforeEach
  void model() {
    model = sut.sandbox.architecture;
    await("the status", () -> ui.call(() -> model.runningProperty().get()));
  }

  @Test
  void showsTheRunningBackendAndAScannablePairingCode() throws Exception {
    assertThat(ui.call(() -> model.urlProperty().get())).isEqualTo(sut.url());
    int port = sut.sandbox.host().status().port();
    assertThat(ui.call(() -> model.portProperty().get())).isEqualTo(Integer.toString(port));
    assertThat(ui.call(() -> model.deviceUrlProperty().get())).isEqualTo("http://10.0.2.2:" + port);

    String payload = ui.call(() -> model.pairingPayloadProperty().get());
    assertThat(PairingPayload.parse(payload).url()).isEqualTo("http://10.0.2.2:" + port);
    assertThat(PairingPayload.parse(payload).code()).isNull();
    assertThat(scan(ui.call(() -> model.qrProperty().get()))).isEqualTo(payload);
  }

  @Test
  void aPairingCodeLockedAfterWrongGuessesIsShownWithTheReason() {
    ui.run(
        () -> {
          model.portProperty().set("0");
          model.lanProperty().set(true);
          model.start();
        });
    await(
        "LAN mode",
        () ->
            ui.call(
                () ->
                    model.runningProperty().get() && !model.pairingCodeProperty().get().isEmpty()));
    String first = ui.call(() -> model.pairingCodeProperty().get());
    var pairing = sut.sandbox.host().server().orElseThrow().pairing().orElseThrow();
    String wrong = first.equals("000000") ? "000001" : "000000";
    for (int i = 0; i < dev.tokensandbox.backend.server.Pairing.GLOBAL_BUDGET; i++) {
      pairing.accepts("10.9.9." + i, wrong); // guessers on the Wi-Fi
    }
    await(
        "the lock on screen",
        () -> ui.call(() -> model.messageProperty().get().startsWith("Pairing locked at ")));
    assertThat(ui.call(() -> model.messageProperty().get()))
        .contains("20 wrong pairing codes")
        .contains("pair with the QR code");
    // The code stays (a phone that typed it keeps it); the QR link carries the long secret.
    assertThat(ui.call(() -> model.pairingCodeProperty().get())).isEqualTo(first);
    assertThat(ui.call(() -> model.pairingPayloadProperty().get()))
        .endsWith("code=" + pairing.secret());
    assertThat(ArchitectureView.maskSecret(ui.call(() -> model.pairingPayloadProperty().get())))
        .doesNotContain(pairing.secret())
        .endsWith("code=(secret: in the QR code)");
  }

  @Test
  void eachRealRequestLightsItsHop() throws Exception {
    try (var response =
        new OkHttpClient()
            .newCall(
                new Request.Builder()
                    .url(sut.url() + "/ringnity/runtime-token")
                    .post(
                        okhttp3.RequestBody.create(
                            "{\"userId\":\"u1\"}", okhttp3.MediaType.get("application/json")))
                    .build())
            .execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    await(
        "both hops",
        () ->
            ui.call(
                () ->
                    model.customerToProviderProperty().get() != null
                        && model.appToCustomerProperty().get() != null));
    assertThat(ui.call(() -> model.appToCustomerProperty().get()))
        .isEqualTo(
            new ArchitectureViewModel.Hop("app→customer", "POST /ringnity/runtime-token", 200));
    assertThat(ui.call(() -> model.customerToProviderProperty().get().label()))
        .isEqualTo("POST /api/server/visitor-context-token");
  }

  @Test
  void tickingLanModeSaysARestartAppliesIt() {
    ui.run(() -> model.lanProperty().set(true));
    assertThat(ui.call(() -> model.messageProperty().get()))
        .startsWith("Press Restart to apply: the backend still listens on loopback only");
    ui.run(() -> model.lanProperty().set(false));
    assertThat(ui.call(() -> model.messageProperty().get()))
        .isEqualTo("Running on loopback only, as before.");
  }

  @Test
  void aBadPortIsNamedAndStopClearsTheQrCode() {
    ui.run(
        () -> {
          model.portProperty().set("70000");
          model.start();
        });
    assertThat(ui.call(() -> model.messageProperty().get()))
        .isEqualTo("port: must be a number in 0..65535 (0 = any free port)");
    assertThat(sut.sandbox.host().status().running()).isTrue();

    ui.run(model::stop);
    await("the stop", () -> ui.call(() -> !model.runningProperty().get()));
    assertThat(ui.call(() -> model.qrProperty().get())).isNull();
    assertThat(ui.call(() -> model.stateProperty().get())).isEqualTo("STOPPED");
  }

  @Test
  void aPortInUseIsReportedNotHidden() throws Exception {
    int taken = sut.sandbox.host().status().port();
    try (var other = SandboxUnderTest.open(home.resolve("other"), ui)) {
      ui.run(
          () -> {
            other.sandbox.architecture.portProperty().set(Integer.toString(taken));
            other.sandbox.architecture.start();
          });
      await(
          "the failure",
          () -> ui.call(() -> other.sandbox.architecture.stateProperty().get().equals("FAILED")));
      assertThat(ui.call(() -> other.sandbox.architecture.messageProperty().get()))
          .isEqualTo("Port " + taken + " is in use: choose another port (0 = any free port)");
    }
  }

  @Test
  void everyPairingLinkEncodesToACodeThatReadsBack() throws Exception {
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 300; i++) {
      String payload =
          PairingPayload.format(
              "http://192.168."
                  + random.nextInt(256)
                  + "."
                  + random.nextInt(256)
                  + ":"
                  + (1 + random.nextInt(65_535)),
              i % 2 == 0
                  ? String.format("%06d", random.nextInt(1_000_000))
                  : new dev.tokensandbox.backend.internal.http.PairingCheck(
                          random,
                          () -> 0L,
                          java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC))
                      .secret());
      assertThat(scan(QrCode.encode(payload))).isEqualTo(payload);
    }
  }

  static String scan(QrCode code) throws Exception {
    int scale = 4;
    int size = code.size() * scale;
    int[] pixels = new int[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        pixels[y * size + x] = code.modules()[y / scale][x / scale] ? 0xFF000000 : 0xFFFFFFFF;
      }
    }
    // The image is exactly the code (modules and quiet zone): decode it as such. ZXing's finder,
    // made for camera pictures, misses some perfectly clean synthetic codes.
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels))),
            java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
        .getText();
  }
}
