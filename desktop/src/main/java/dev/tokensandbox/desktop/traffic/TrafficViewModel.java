package dev.tokensandbox.desktop.traffic;

import dev.tokensandbox.desktop.host.WindowBackend;
import dev.tokensandbox.desktop.tasks.TaskExecutor;
import dev.tokensandbox.protocol.admin.JournalEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * State of the Traffic screen: every hop the window's backend journals, live, newest last, bounded
 * like the journal; filters by flow, device and status; a detail text that is redacted until {@link
 * #reveal()} is asked for explicitly.
 */
public final class TrafficViewModel {
  /** Most entries kept on screen (the backend's journal holds as many). */
  public static final int MAX_ROWS = 1000;

  public static final String ALL = "All";

  /** Flow filter choices and the route-id prefix each one keeps. */
  public static final Map<String, String> FLOWS =
      new java.util.LinkedHashMap<>(
          Map.of(
              "Shengwang / Agora", "agora.",
              "Gin", "gin.",
              "Ringnity", "ringnity.",
              "ChatSDK", "chatsdk.",
              "RTC service", "rtc.",
              "Login", "auth.",
              "Sandbox API", "sandbox."));

  public static final List<String> STATUSES = List.of(ALL, "2xx", "4xx", "5xx");

  /** The window's own backend. */
  public static final String WINDOW = "Window backend";

  /** The Expiry lab's private backend (its traffic runs in virtual time). */
  public static final String LAB = "Expiry lab";

  public static final List<String> SOURCES = List.of(ALL, WINDOW, LAB);

  private final WindowBackend host;
  private final ObservableList<JournalEntry> entries = FXCollections.observableArrayList();
  private final FilteredList<JournalEntry> visible = new FilteredList<>(entries);
  private final ObservableList<String> flows = FXCollections.observableArrayList();
  private final ObservableList<String> devices = FXCollections.observableArrayList(ALL);
  private final ObjectProperty<String> flow = new SimpleObjectProperty<>(this, "flow", ALL);
  private final ObjectProperty<String> device = new SimpleObjectProperty<>(this, "device", ALL);
  private final ObjectProperty<String> status = new SimpleObjectProperty<>(this, "status", ALL);
  private final ObjectProperty<JournalEntry> selected =
      new SimpleObjectProperty<>(this, "selected");
  private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
  private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper(this, "revealed");
  private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper(this, "count", "");
  private final ObjectProperty<String> source = new SimpleObjectProperty<>(this, "source", ALL);
  private final javafx.beans.property.StringProperty search =
      new javafx.beans.property.SimpleStringProperty(this, "search", "");
  private final ReadOnlyStringWrapper empty = new ReadOnlyStringWrapper(this, "empty", "");
  private final java.util.Map<JournalEntry, String> sourceOf = new java.util.IdentityHashMap<>();
  private final java.util.Map<String, dev.tokensandbox.protocol.admin.SandboxAdmin> admins =
      new java.util.HashMap<>();

  public TrafficViewModel(WindowBackend host, TaskExecutor tasks) {
    this.host = host;
    flows.add(ALL);
    flows.addAll(FLOWS.keySet());
    flow.addListener((o, was, now) -> refilter());
    device.addListener((o, was, now) -> refilter());
    status.addListener((o, was, now) -> refilter());
    source.addListener((o, was, now) -> refilter());
    search.addListener((o, was, now) -> refilter());
    selected.addListener((o, was, now) -> showDetail(false));
    host.addListener(
        new WindowBackend.Listener() {
          @Override
          public void status(WindowBackend.Status status) {}

          @Override
          public void traffic(JournalEntry entry) {
            tasks.onUi(() -> add(WINDOW, entry));
          }
        });
    refilter();
  }

  /**
   * Also shows what {@code admin}'s journal records from now on, as {@code name} (the Expiry lab's
   * backend). Returns what stops it.
   */
  public Runnable follow(
      String name, dev.tokensandbox.protocol.admin.SandboxAdmin admin, TaskExecutor tasks) {
    admins.put(name, admin);
    return admin.subscribeJournal(entry -> tasks.onUi(() -> add(name, entry)), skipped -> {});
  }

  /** All, the window's backend, or the Expiry lab's. */
  public ObjectProperty<String> sourceProperty() {
    return source;
  }

  /** Text to find in the method, path, route, status, client or faults (case ignored). */
  public javafx.beans.property.StringProperty searchProperty() {
    return search;
  }

  /** What the empty table says: nothing yet, or nothing that matches. */
  public ReadOnlyStringProperty emptyProperty() {
    return empty.getReadOnlyProperty();
  }

  /**
   * The entry's time of day (UTC, to the millisecond) for the Time column. Formatted, not cut out
   * of {@code Instant.toString()}, which leaves the fraction out on a whole second — as the lab's
   * virtual clock often is — and made the column throw.
   */
  public static String timeOfDay(java.time.Instant at) {
    return TIME_OF_DAY.format(at);
  }

  private static final java.time.format.DateTimeFormatter TIME_OF_DAY =
      java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
          .withZone(java.time.ZoneOffset.UTC);

  /**
   * The Time column: rows stand in the order they happened; the lab's backend runs on its virtual
   * clock, so its times are marked {@code lab} rather than mixed in as if they were real ones.
   */
  public String timeText(JournalEntry entry) {
    return (LAB.equals(sourceOf(entry)) ? "lab " : "") + timeOfDay(entry.at());
  }

  /** Where an entry came from (WINDOW or LAB). */
  public String sourceOf(JournalEntry entry) {
    return sourceOf.getOrDefault(entry, WINDOW);
  }

  public ObservableList<JournalEntry> visible() {
    return visible;
  }

  public ObservableList<String> flows() {
    return flows;
  }

  /** "All" and every device (or client address) seen so far. */
  public ObservableList<String> devices() {
    return devices;
  }

  public ObjectProperty<String> flowProperty() {
    return flow;
  }

  public ObjectProperty<String> deviceProperty() {
    return device;
  }

  public ObjectProperty<String> statusProperty() {
    return status;
  }

  public ObjectProperty<JournalEntry> selectedProperty() {
    return selected;
  }

  public ReadOnlyStringProperty detailProperty() {
    return detail.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty revealedProperty() {
    return revealed.getReadOnlyProperty();
  }

  /** "3 of 12 requests". */
  public ReadOnlyStringProperty countProperty() {
    return count.getReadOnlyProperty();
  }

  /** Shows the selected entry's unredacted headers and bodies (an explicit user action). */
  public void reveal() {
    showDetail(true);
  }

  public void hide() {
    showDetail(false);
  }

  /** Empties the list (the backend's journal keeps its copy). */
  public void clear() {
    entries.clear();
    sourceOf.clear();
    selected.set(null);
    refilter();
  }

  void add(JournalEntry entry) {
    add(WINDOW, entry);
  }

  void add(String from, JournalEntry entry) {
    if (entries.size() == MAX_ROWS) {
      sourceOf.remove(entries.remove(0));
    }
    sourceOf.put(entry, from);
    entries.add(entry);
    if (!devices.contains(entry.client())) {
      devices.add(entry.client());
    }
    updateCount();
  }

  private void refilter() {
    visible.setPredicate(predicate());
    updateCount();
  }

  private Predicate<JournalEntry> predicate() {
    String prefix = FLOWS.get(flow.get());
    String who = device.get();
    String code = status.get();
    String from = source.get();
    String text =
        search.get() == null ? "" : search.get().strip().toLowerCase(java.util.Locale.ROOT);
    return e ->
        (from == null || ALL.equals(from) || from.equals(sourceOf.getOrDefault(e, WINDOW)))
            && (text.isEmpty() || haystack(e).contains(text))
            && (prefix == null || e.route().startsWith(prefix))
            && (who == null || ALL.equals(who) || who.equals(e.client()))
            && (code == null
                || ALL.equals(code)
                || Integer.toString(e.status()).charAt(0) == code.charAt(0));
  }

  private static String haystack(JournalEntry e) {
    return (e.method()
            + " "
            + e.path()
            + " "
            + e.route()
            + " "
            + e.status()
            + " "
            + e.client()
            + " "
            + String.join(" ", e.faults()))
        .toLowerCase(java.util.Locale.ROOT);
  }

  private void updateCount() {
    count.set(visible.size() + " of " + entries.size() + " requests");
    empty.set(
        entries.isEmpty()
            ? "No requests yet: issue a token, add a device or run a lab preset to see traffic."
            : "No request matches the filters ("
                + entries.size()
                + " hidden): clear the search"
                + " or choose All.");
  }

  private void showDetail(boolean reveal) {
    JournalEntry e = selected.get();
    if (e == null) {
      revealed.set(false);
      detail.set("");
      return;
    }
    String from = sourceOf.getOrDefault(e, WINDOW);
    Optional<dev.tokensandbox.protocol.admin.SandboxAdmin> admin =
        WINDOW.equals(from) ? host.admin() : Optional.ofNullable(admins.get(from));
    Optional<dev.tokensandbox.protocol.admin.Exchange> raw =
        reveal ? admin.flatMap(a -> a.reveal(e.id())) : Optional.empty();
    revealed.set(raw.isPresent());
    StringBuilder out = new StringBuilder();
    out.append(e.method()).append(' ').append(e.path()).append(" → ").append(e.status());
    out.append("\n").append(e.hop()).append(" · route ").append(e.route());
    out.append(" · ").append(e.durationMillis()).append(" ms · ").append(e.at());
    out.append("\nsource: ").append(from).append(" · client: ").append(e.client());
    if (!e.faults().isEmpty()) {
      out.append("\nfaults: ").append(e.faults());
    }
    if (!e.tokenIds().isEmpty()) {
      out.append("\ntokens: ").append(e.tokenIds());
    }
    out.append(
        raw.isPresent()
            ? "\n\n— REVEALED: unredacted, do not paste this into a ticket —"
            : reveal
                ? "\n\n(the unredacted copy is gone: it was pushed out by newer requests or the"
                    + " backend restarted)"
                : "\n\n(redacted — Reveal shows secrets and tokens)");
    out.append("\n\nRequest headers");
    (raw.isPresent() ? raw.get().requestHeaders() : e.requestHeaders())
        .forEach((name, value) -> out.append("\n  ").append(name).append(": ").append(value));
    out.append("\n\nRequest body\n")
        .append(raw.isPresent() ? raw.get().requestBody() : e.requestBody());
    out.append("\n\nResponse body\n")
        .append(raw.isPresent() ? raw.get().responseBody() : e.responseBody());
    detail.set(out.toString());
  }
}
