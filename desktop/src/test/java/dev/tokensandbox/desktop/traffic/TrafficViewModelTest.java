package dev.tokensandbox.desktop.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.desktop.tasks.TaskExecutor;
import dev.tokensandbox.desktop.testing.FakeBackend;
import dev.tokensandbox.protocol.admin.Exchange;
import dev.tokensandbox.protocol.admin.JournalEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Traffic screen's model on a fake backend: entries arrive as the backend's listeners hear
 * them, filter, narrow, reveal from the admin that recorded them, and stay bounded. (The window's
 * wiring over a real backend: {@link TrafficScreenTest}.)
 */
class TrafficViewModelTest {
  private static final String TOKEN = "007eJxTYBBa-the-unredacted-token";
  private final FakeBackend backend = new FakeBackend();
  private final TrafficViewModel model =
      new TrafficViewModel(backend, TaskExecutor.currentThread());
  private long ids;

  /** What the backend journals for {@code path} from {@code client}, answered {@code status}. */
  private JournalEntry request(String route, String path, String client, int status) {
    JournalEntry entry =
        new JournalEntry(
            ++ids,
            Instant.parse("2026-12-04T03:20:11Z"),
            3.5,
            "app→customer",
            route,
            "GET",
            path,
            status,
            client,
            Map.of("User-Agent", "okhttp"),
            "",
            "«token tok:1a2b3c4d»",
            List.of("tok:1a2b3c4d"),
            List.of());
    backend.request(entry, new Exchange(Map.of("User-Agent", "okhttp"), "", TOKEN));
    return entry;
  }

  @Test
  void theTimeOfDayHasItsMillisecondsEvenOnAWholeSecond() {
    assertThat(TrafficViewModel.timeOfDay(Instant.parse("2026-12-04T03:20:11Z")))
        .isEqualTo("03:20:11.000");
    assertThat(TrafficViewModel.timeOfDay(Instant.parse("2026-12-04T03:20:11.123456Z")))
        .isEqualTo("03:20:11.123");
  }

  @Test
  void requestsArriveLiveAndFilterByFlowDeviceAndStatus() {
    request("agora.rtc", "/api/agora/token?channelName=a&uid=1", "pixel-7", 200);
    request("gin.rtc", "/rtc/a/publisher/uid/1/", "emulator", 200);
    request(
        "agora.rtc", "/api/agora/token?channelName=a&uid=1&expireSeconds=90000", "pixel-7", 400);
    assertThat(model.visible()).hasSize(3);

    model.flowProperty().set("Gin");
    assertThat(paths()).containsExactly("/rtc/a/publisher/uid/1/");
    model.flowProperty().set(TrafficViewModel.ALL);
    model.deviceProperty().set("pixel-7");
    model.statusProperty().set("4xx");
    assertThat(paths()).singleElement().asString().contains("expireSeconds=90000");
    assertThat(model.countProperty().get()).isEqualTo("1 of 3 requests");
    assertThat(model.devices()).contains("pixel-7", "emulator");
  }

  @Test
  void detailIsRedactedUntilRevealedFromTheAdminThatRecordedIt() {
    request("agora.rtc", "/api/agora/token?channelName=a&uid=1", "pixel-7", 200);
    model.selectedProperty().set(model.visible().get(0));

    assertThat(model.detailProperty().get())
        .doesNotContain(TOKEN)
        .contains("«token tok:1a2b3c4d»", "tokens: [tok:1a2b3c4d]", "Reveal shows");
    model.reveal();
    assertThat(model.detailProperty().get()).contains(TOKEN, "REVEALED");
    assertThat(model.revealedProperty().get()).isTrue();
    model.hide();
    assertThat(model.detailProperty().get()).doesNotContain(TOKEN);

    backend.admin.clearJournal(); // the unredacted copy is gone (a restart, newer requests)
    model.reveal();
    assertThat(model.revealedProperty().get()).isFalse();
    assertThat(model.detailProperty().get())
        .doesNotContain(TOKEN)
        .contains("the unredacted copy is gone");
  }

  @Test
  void searchAndSourceNarrowTheListAndTheEmptyTableSaysWhy() {
    assertThat(model.emptyProperty().get()).startsWith("No requests yet");
    request("agora.rtc", "/api/agora/token?channelName=a&uid=1", "pixel-7", 200);
    request("gin.rtc", "/rtc/a/publisher/uid/1/", "emulator", 200);
    model.add(TrafficViewModel.LAB, entry(99, "/lab/only"));

    model.searchProperty().set("EMULATOR");
    assertThat(paths()).containsExactly("/rtc/a/publisher/uid/1/");
    model.searchProperty().set("");
    model.sourceProperty().set(TrafficViewModel.LAB);
    assertThat(paths()).containsExactly("/lab/only");
    assertThat(model.sourceOf(model.visible().get(0))).isEqualTo(TrafficViewModel.LAB);
    assertThat(model.timeText(model.visible().get(0)))
        .as("the lab's virtual time is marked")
        .matches("lab \\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
    model.searchProperty().set("nothing like this");
    assertThat(paths()).isEmpty();
    assertThat(model.emptyProperty().get()).startsWith("No request matches the filters (3 hidden)");
  }

  @Test
  void theLabsJournalIsFollowedUntilStopped() {
    FakeBackend lab = new FakeBackend();
    Runnable stop = model.follow(TrafficViewModel.LAB, lab.admin, TaskExecutor.currentThread());
    lab.request(entry(1, "/lab/one"), null);
    stop.run();
    lab.request(entry(2, "/lab/two"), null);
    assertThat(paths()).containsExactly("/lab/one");
    assertThat(model.sourceOf(model.visible().get(0))).isEqualTo(TrafficViewModel.LAB);
  }

  private static JournalEntry entry(long id, String path) {
    return new JournalEntry(
        id,
        Instant.EPOCH,
        1,
        "app→customer",
        "agora.rtc",
        "GET",
        path,
        200,
        "lab",
        Map.of(),
        "",
        "",
        List.of(),
        List.of());
  }

  @Test
  void theListStaysBounded() {
    for (int i = 0; i < TrafficViewModel.MAX_ROWS + 5; i++) {
      model.add(entry(i, "/x"));
    }
    assertThat(model.visible()).hasSize(TrafficViewModel.MAX_ROWS);
    assertThat(model.visible().get(0).id()).isEqualTo(5);
  }

  private List<String> paths() {
    return model.visible().stream().map(JournalEntry::path).toList();
  }
}
