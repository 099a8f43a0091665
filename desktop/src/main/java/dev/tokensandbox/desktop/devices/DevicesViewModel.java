package dev.tokensandbox.desktop.devices;

import dev.tokensandbox.client.clock.SandboxClock;
import dev.tokensandbox.client.presets.Scenario;
import dev.tokensandbox.client.session.RenewalPolicy;
import dev.tokensandbox.client.session.TimelineEvent;
import dev.tokensandbox.desktop.host.BackendClients;
import dev.tokensandbox.desktop.host.WindowBackend;
import dev.tokensandbox.desktop.tasks.BackgroundTask;
import dev.tokensandbox.desktop.tasks.TaskExecutor;
import dev.tokensandbox.protocol.Flow;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultRule;
import dev.tokensandbox.protocol.admin.SandboxAdmin;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Devices screen: virtual devices running the client core in real time against the
 * window's backend, each with live state, token countdown and event log, and the commands join,
 * renew, expire now, leave and set fault (a device-scoped rule in the backend's fault plan).
 */
public final class DevicesViewModel implements AutoCloseable {
  /** Per-device faults the screen offers, by label. */
  public static final Map<String, FaultRule> FAULTS = faults();

  public static final String NO_FAULT = "No fault";

  /** A virtual device's row: the common columns plus its flow and renewal counts. */
  public static final class Row extends DeviceRow {
    private final Flow flow;
    private final Scenario.Device definition;

    /** Your backend, for a device that fetches its tokens there; null for the sandbox's. */
    private final dev.tokensandbox.tools.check.YourBackend backend;

    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final java.util.ArrayDeque<TimelineEvent> events = new java.util.ArrayDeque<>();

    /** What the device's run found (a renewal storm…), each said once, kept past the log's end. */
    private final java.util.LinkedHashSet<String> findings = new java.util.LinkedHashSet<>();

    /** The newest finding since the device's fault last changed: what the status line shows. */
    private String currentFinding;

    Row(String name, Scenario.Device definition) {
      this(name, definition, null);
    }

    Row(String name, Scenario.Device definition, dev.tokensandbox.tools.check.YourBackend backend) {
      super(name);
      this.flow = definition.flow();
      this.definition = definition;
      this.backend = backend;
      state.set("NEW");
      fault.set(NO_FAULT);
    }

    public String name() {
      return id();
    }

    public Flow flow() {
      return flow;
    }

    /** "3 renewals · 1 failure". */
    public ReadOnlyStringProperty countsProperty() {
      return counts.getReadOnlyProperty();
    }
  }

  private static final int MAX_LOG = 500;
  private static final int MAX_FINDINGS = 20;

  /** Besides failures and findings, the events the status line follows. */
  private static final java.util.Set<dev.tokensandbox.client.session.EventKind>
      SAID_ON_THE_STATUS_LINE =
          java.util.EnumSet.of(
              dev.tokensandbox.client.session.EventKind.JOINED,
              dev.tokensandbox.client.session.EventKind.REJOINED,
              dev.tokensandbox.client.session.EventKind.RENEWED,
              dev.tokensandbox.client.session.EventKind.READY,
              dev.tokensandbox.client.session.EventKind.LEFT);

  private final WindowBackend host;
  private final BackendClients clients;
  private final SandboxClock clock;
  private final TaskExecutor tasks;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final Map<String, VirtualDevice> devices = new LinkedHashMap<>();
  private final ObjectProperty<Row> selected = new SimpleObjectProperty<>(this, "selected");
  private final ObjectProperty<Flow> newFlow =
      new SimpleObjectProperty<>(this, "flow", Flow.SHENGWANG);
  private final ObjectProperty<Integer> newLifetime =
      new SimpleObjectProperty<>(this, "lifetime", 90);
  private final ObjectProperty<RenewalPolicy.Trigger> newTrigger =
      new SimpleObjectProperty<>(this, "trigger", RenewalPolicy.Trigger.BOTH);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private int next = 1;

  /**
   * @param clock the devices' real-time clock ({@code ExecutorClock.system}); commands and
   *     callbacks run on its thread
   */
  public DevicesViewModel(
      WindowBackend host, BackendClients clients, SandboxClock clock, TaskExecutor tasks) {
    this.host = host;
    this.clients = clients;
    selected.addListener((o, was, now) -> message.set(now == null ? "" : now.status));
    this.clock = clock;
    this.tasks = tasks;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public ObjectProperty<Row> selectedProperty() {
    return selected;
  }

  public ObjectProperty<Flow> newFlowProperty() {
    return newFlow;
  }

  /** Token lifetime in seconds for new RTC devices (short, so expiry comes within minutes). */
  public ObjectProperty<Integer> newLifetimeProperty() {
    return newLifetime;
  }

  public ObjectProperty<RenewalPolicy.Trigger> newTriggerProperty() {
    return newTrigger;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Adds a virtual device with the chosen flow, lifetime and trigger, and joins at once. */
  public Row add() {
    return add(new Scenario.Device(newFlow.get(), newLifetime.get(), newTrigger.get()));
  }

  /** Adds a virtual device made as {@code definition} and joins at once. */
  public Row add(Scenario.Device definition) {
    if (!host.status().running()) {
      message.set("The backend is not running: start it on the Architecture screen.");
      return null;
    }
    String name = "virtual-" + next++;
    Row row = new Row(name, definition);
    rows.add(row);
    selected.set(row);
    create(row).start();
    say(row, name + " joins through " + row.flow().label());
    return row;
  }

  /**
   * The devices on screen, as definitions. Devices against your backend are left out: a scenario
   * never holds your certificate, without which they cannot run.
   */
  public List<Scenario.Device> definitions() {
    return rows.stream().filter(r -> r.backend == null).map(r -> r.definition).toList();
  }

  private final dev.tokensandbox.desktop.ui.YourBackendForm yourBackend =
      new dev.tokensandbox.desktop.ui.YourBackendForm();
  private final java.util.List<dev.tokensandbox.tools.check.YourBackend> backends =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private int nextYours = 1;

  /** Your backend (URL, App ID, certificate) for devices that fetch their tokens there. */
  public dev.tokensandbox.desktop.ui.YourBackendForm yourBackend() {
    return yourBackend;
  }

  /**
   * Adds a virtual device (the chosen flow, lifetime and trigger) that fetches its tokens from your
   * backend and joins at once; the sandbox's RTC service, started off the UI thread with your App
   * ID and certificate, checks every token. Problems with the inputs go to the status line.
   */
  public void addToYourBackend() {
    dev.tokensandbox.tools.check.CheckTarget target = yourBackend.target(newFlow.get());
    java.util.Optional<String> problem = dev.tokensandbox.tools.check.YourBackend.problem(target);
    if (problem.isPresent()) {
      message.set(problem.get());
      return;
    }
    Scenario.Device definition =
        new Scenario.Device(newFlow.get(), newLifetime.get(), newTrigger.get());
    String name = "yours-" + nextYours++;
    message.set(name + ": starting an RTC service that checks " + target.baseUrl() + "'s tokens…");
    BackgroundTask.wrap(() -> dev.tokensandbox.tools.check.YourBackend.open(target))
        .onSuccess(
            backend -> {
              backends.add(backend);
              Row row = new Row(name, definition, backend);
              rows.add(row);
              selected.set(row);
              create(row).start();
              say(row, name + " joins through your backend at " + target.baseUrl());
            })
        .onFailure(e -> message.set(name + ": " + e.getMessage()))
        .executeWith(tasks);
  }

  /** One device's setup, fault and timeline, as a bug report shows it. */
  public record DeviceLog(
      String name,
      Scenario.Device definition,
      String fault,
      List<String> findings,
      List<TimelineEvent> events) {}

  /** Every device's setup and recent events (the newest {@code MAX_LOG}), for bug reports. */
  public List<DeviceLog> deviceLogs() {
    return rows.stream()
        .map(
            r ->
                new DeviceLog(
                    r.name(),
                    r.definition,
                    r.fault.get(),
                    List.copyOf(r.findings),
                    List.copyOf(r.events)))
        .toList();
  }

  /** Leaves and removes every device (before a scenario loads its own). */
  public void removeAll() {
    devices.values().forEach(VirtualDevice::stop);
    devices.clear();
    rows.clear();
    selected.set(null);
  }

  /**
   * Joins again after a leave or a failure (a fresh session, as a relaunched app would); a device
   * still in its session says so instead of doing nothing.
   */
  public void join() {
    withSelected(
        (row, device) -> {
          String state = row.stateProperty().get();
          boolean failed = state.equals("FAILED") || state.equals("GAVE_UP");
          if (device.stopped() || failed) {
            if (!device.stopped()) {
              device.stop();
            }
            create(row).start();
            say(row, row.name() + " joins again through " + row.flow().label());
          } else if (!state.equals("NEW")) {
            say(
                row,
                row.name()
                    + " is already in its session ("
                    + state
                    + "): Leave first, or Renew for a fresh token");
          } else {
            device.start();
          }
        });
  }

  public void renew() {
    withSelected((row, device) -> device.renew());
  }

  public void expireNow() {
    withSelected(
        (row, device) -> {
          if (!row.flow().isRtc()) {
            say(row, row.name() + ": expire now applies to RTC devices (their engine kicks)");
            return;
          }
          device.expireNow();
        });
  }

  public void leave() {
    withSelected((row, device) -> device.stop());
  }

  /** Sets (or with {@link #NO_FAULT} clears) the selected device's fault in the backend. */
  public void setFault(String label) {
    withSelected(
        (row, device) -> {
          if (row.backend != null) {
            message.set(
                row.name()
                    + ": device faults are the sandbox's; this device talks to your backend.");
            return;
          }
          SandboxAdmin admin = host.admin().orElse(null);
          if (admin == null) {
            message.set("The backend is not running.");
            return;
          }
          FaultRule rule = FAULTS.get(label);
          admin.setDeviceFault(row.name(), rule);
          row.fault.set(rule == null ? NO_FAULT : label);
          // What the old fault caused stays in the device's report, not on the status line.
          row.currentFinding = null;
          say(row, row.name() + ": " + (rule == null ? "fault cleared" : label));
        });
  }

  /**
   * A message about {@code row}: kept with the row, shown while it is selected, so the status line
   * never speaks of another device.
   */
  private void say(Row row, String text) {
    row.status = text;
    if (selected.get() == row) {
      message.set(text);
    }
  }

  /** Moves every countdown to now (once a second). */
  public void tick() {
    Instant now = clock.now();
    rows.forEach(row -> row.tick(now));
  }

  /** Leaves every channel (the window is closing). */
  @Override
  public void close() {
    devices.values().forEach(VirtualDevice::stop);
    backends.forEach(dev.tokensandbox.tools.check.YourBackend::close);
  }

  private VirtualDevice create(Row row) {
    RenewalPolicy policy = RenewalPolicy.recommended().withTrigger(row.definition.trigger());
    VirtualDevice device =
        new VirtualDevice(
            row.name(),
            row.flow(),
            row.definition.lifetimeSeconds(),
            policy,
            clients.forDevice(
                row.backend != null ? row.backend.target().baseUrl() : host.status().url(),
                row.name()),
            row.backend,
            clock,
            tasks.background(),
            snapshot -> tasks.onUi(() -> show(row, snapshot)));
    devices.put(row.name(), device);
    return device;
  }

  private void withSelected(java.util.function.BiConsumer<Row, VirtualDevice> command) {
    Row row = selected.get();
    if (row == null) {
      message.set("Select a device first.");
      return;
    }
    command.accept(row, devices.get(row.name()));
  }

  private void show(Row row, VirtualDevice.Snapshot s) {
    row.state.set(s.state());
    row.token.set(s.token());
    row.expiresAt = s.expiresAt();
    row.counts.set(
        count(s.renewals(), "renewal", "renewals")
            + " · "
            + count(s.failures(), "failure", "failures"));
    if (row.log.size() == MAX_LOG) {
      row.log.remove(0);
    }
    if (row.events.size() == MAX_LOG) {
      row.events.removeFirst();
    }
    row.events.addLast(s.event());
    status(row, s.event());
    row.log.add(
        s.event().at().toString().substring(11, 19)
            + "  "
            + s.event().kind()
            + "  "
            + s.event().detail());
    tick();
  }

  /**
   * The status line follows what happened to the device (a renewal, a failure), so it never says
   * "joins through…" once the join is long past; a finding stays at the end of it until the
   * device's fault changes (the bug report keeps every finding).
   */
  private void status(Row row, TimelineEvent e) {
    dev.tokensandbox.client.session.EventKind kind = e.kind();
    if (kind == dev.tokensandbox.client.session.EventKind.FINDING) {
      if (row.findings.size() < MAX_FINDINGS) {
        row.findings.add(e.detail());
      }
      row.currentFinding = e.detail();
    } else if (!kind.isFailure() && !SAID_ON_THE_STATUS_LINE.contains(kind)) {
      return;
    }
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (kind != dev.tokensandbox.client.session.EventKind.FINDING) {
      parts.add(
          kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + (e.detail().isEmpty() ? "" : " " + e.detail()));
    }
    if (!NO_FAULT.equals(row.fault.get())) {
      parts.add("fault: " + row.fault.get());
    }
    if (row.currentFinding != null) {
      parts.add("finding: " + row.currentFinding);
    }
    say(row, row.name() + ": " + String.join(" · ", parts));
  }

  /** "1 renewal", "3 renewals". */
  static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static Map<String, FaultRule> faults() {
    Map<String, FaultRule> out = new LinkedHashMap<>();
    out.put("Backend answers 503", FaultRule.always("*", Fault.STATUS, 503));
    out.put("Backend takes 3 s", FaultRule.always("*", Fault.LATENCY, 3000));
    out.put("Malformed JSON", FaultRule.always("*", Fault.MALFORMED_JSON, 0));
    out.put("Connection reset", FaultRule.always("*", Fault.CONNECTION_RESET, 0));
    out.put("Tokens live 20 s", FaultRule.always("*", Fault.SHORT_LIFETIME, 20));
    return java.util.Collections.unmodifiableMap(out);
  }
}
