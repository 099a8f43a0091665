package dev.tokensandbox.desktop.traffic;

import static dev.tokensandbox.desktop.testing.SandboxUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.desktop.testing.SandboxTest;
import dev.tokensandbox.protocol.admin.JournalEntry;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Traffic screen's model hearing a real backend's journal. */
class TrafficViewModelTest extends SandboxTest {
  private final OkHttpClient http = new OkHttpClient();
  private TrafficViewModel model;

  @BeforeEach
  void model() {
    model = sut.sandbox.traffic;
  }

  private String get(String path, String device) throws Exception {
    Request.Builder request = new Request.Builder().url(sut.url() + path);
    if (device != null) {
      request.header("X-Sandbox-Device", device);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      return response.body().string();
    }
  }

  @Test
  void theTimeOfDayHasItsMillisecondsEvenOnAWholeSecond() {
    assertThat(TrafficViewModel.timeOfDay(java.time.Instant.parse("2026-12-04T03:20:11Z")))
        .isEqualTo("03:20:11.000");
    assertThat(TrafficViewModel.timeOfDay(java.time.Instant.parse("2026-12-04T03:20:11.123456Z")))
        .isEqualTo("03:20:11.123");
  }

  @Test
  void requestsArriveLiveAndFilterByFlowDeviceAndStatus() throws Exception {
    get("/api/agora/token?channelName=a&uid=1", "pixel-7");
    get("/rtc/a/publisher/uid/1/", "emulator");
    get("/api/agora/token?channelName=a&uid=1&expireSeconds=90000", "pixel-7");
    await("three entries", () -> ui.call(() -> model.visible().size()) == 3);

    ui.run(() -> model.flowProperty().set("Gin"));
    assertThat(paths()).containsExactly("/rtc/a/publisher/uid/1/");
    ui.run(
        () -> {
          model.flowProperty().set(TrafficViewModel.ALL);
          model.deviceProperty().set("pixel-7");
          model.statusProperty().set("4xx");
        });
    assertThat(paths()).singleElement().asString().contains("expireSeconds=90000");
    assertThat(ui.call(() -> model.countProperty().get())).isEqualTo("1 of 3 requests");
    assertThat(ui.call(() -> List.copyOf(model.devices()))).contains("pixel-7", "emulator");
  }

  @Test
  void detailIsRedactedUntilRevealed() throws Exception {
    String token = get("/api/agora/token?channelName=a&uid=1", null);
    await("the entry", () -> ui.call(() -> model.visible().size()) == 1);
    ui.run(() -> model.selectedProperty().set(model.visible().get(0)));

    assertThat(ui.call(() -> model.detailProperty().get()))
        .doesNotContain(token)
        .contains("«token tok:", "Reveal shows");
    ui.run(model::reveal);
    assertThat(ui.call(() -> model.detailProperty().get())).contains(token, "REVEALED");
    assertThat(ui.call(() -> model.revealedProperty().get())).isTrue();
    ui.run(model::hide);
    assertThat(ui.call(() -> model.detailProperty().get())).doesNotContain(token);
  }

  @Test
  void searchAndSourceNarrowTheListAndTheEmptyTableSaysWhy() throws Exception {
    assertThat(ui.call(() -> model.emptyProperty().get())).startsWith("No requests yet");
    get("/api/agora/token?channelName=a&uid=1", "pixel-7");
    get("/rtc/a/publisher/uid/1/", "emulator");
    await("two entries", () -> ui.call(() -> model.visible().size()) == 2);
    ui.run(() -> model.add(TrafficViewModel.LAB, entry(99, "/lab/only")));

    ui.run(() -> model.searchProperty().set("EMULATOR"));
    assertThat(paths()).containsExactly("/rtc/a/publisher/uid/1/");
    ui.run(
        () -> {
          model.searchProperty().set("");
          model.sourceProperty().set(TrafficViewModel.LAB);
        });
    assertThat(paths()).containsExactly("/lab/only");
    assertThat(ui.call(() -> model.sourceOf(model.visible().get(0))))
        .isEqualTo(TrafficViewModel.LAB);
    assertThat(ui.call(() -> model.timeText(model.visible().get(0))))
        .as("the lab's virtual time is marked")
        .matches("lab \\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
    ui.run(() -> model.searchProperty().set("nothing like this"));
    assertThat(paths()).isEmpty();
    assertThat(ui.call(() -> model.emptyProperty().get()))
        .startsWith("No request matches the filters (3 hidden)");
  }

  @Test
  void revealedSecretsAreHiddenWhenTheScreenIsLeft() throws Exception {
    String token = get("/api/agora/token?channelName=a&uid=1", null);
    await("the entry", () -> ui.call(() -> model.visible().size()) == 1);
    ui.run(
        () -> {
          sut.sandbox.shell.screenProperty().set(dev.tokensandbox.desktop.shell.Screen.TRAFFIC);
          model.selectedProperty().set(model.visible().get(0));
          model.reveal();
        });
    assertThat(ui.call(() -> model.detailProperty().get())).contains(token);
    ui.run(() -> sut.sandbox.shell.screenProperty().set(dev.tokensandbox.desktop.shell.Screen.LAB));
    assertThat(ui.call(() -> model.revealedProperty().get())).isFalse();
    assertThat(ui.call(() -> model.detailProperty().get())).doesNotContain(token);
  }

  private static JournalEntry entry(long id, String path) {
    return new JournalEntry(
        id,
        java.time.Instant.EPOCH,
        1,
        "app→customer",
        "agora.rtc",
        "GET",
        path,
        200,
        "lab",
        java.util.Map.of(),
        "",
        "",
        List.of(),
        List.of());
  }

  @Test
  void theListStaysBounded() {
    for (int i = 0; i < TrafficViewModel.MAX_ROWS + 5; i++) {
      long id = i;
      ui.run(
          () ->
              model.add(
                  new JournalEntry(
                      id,
                      java.time.Instant.EPOCH,
                      1,
                      "app→customer",
                      "agora.rtc",
                      "GET",
                      "/x",
                      200,
                      "d",
                      java.util.Map.of(),
                      "",
                      "",
                      List.of(),
                      List.of())));
    }
    assertThat(ui.call(() -> model.visible().size())).isEqualTo(TrafficViewModel.MAX_ROWS);
    assertThat(ui.call(() -> model.visible().get(0).id())).isEqualTo(5);
  }

  private List<String> paths() {
    return ui.call(() -> model.visible().stream().map(JournalEntry::path).toList());
  }
}
