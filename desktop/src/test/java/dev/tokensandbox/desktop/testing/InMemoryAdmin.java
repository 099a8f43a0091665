package dev.tokensandbox.desktop.testing;

import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.protocol.DeviceCommand;
import dev.tokensandbox.protocol.admin.AdminException;
import dev.tokensandbox.protocol.admin.Device;
import dev.tokensandbox.protocol.admin.Exchange;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import dev.tokensandbox.protocol.admin.IssuedRecord;
import dev.tokensandbox.protocol.admin.JournalEntry;
import dev.tokensandbox.protocol.admin.SandboxAdmin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * A sandbox administered in memory, for view-model tests that need an admin but no server: the same
 * rules as the backend's {@code LocalAdmin} where a view-model can see them (fault plans, device
 * faults, 404 for an unknown device and 409 for an offline one), everything delivered at once on
 * the calling thread. Tests feed it what a server would have recorded ({@link #record}, {@link
 * #pair}) and read what the view-models asked of it ({@link #commands}).
 */
public final class InMemoryAdmin implements SandboxAdmin {
  private final Workspace workspace;
  private Settings settings = new Settings(true, false, true);
  private FaultPlan plan = FaultPlan.none();
  private ClockView clock = new ClockView(Instant.parse("2026-12-01T12:00:00Z"), 0, 1.0);
  private final List<JournalEntry> journal = new ArrayList<>();
  private final Map<Long, Exchange> reveals = new LinkedHashMap<>();
  private final List<IssuedRecord> tokens = new ArrayList<>();
  private final Map<String, Device> devices = new LinkedHashMap<>();
  private final List<Consumer<JournalEntry>> journalListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<Device>> deviceListeners = new CopyOnWriteArrayList<>();

  /** Every command a view-model sent that was taken, in order. */
  public final List<CommandReceipt> commands = new ArrayList<>();

  /** The arguments of every command sent, taken or refused. */
  public final List<CommandArgs> args = new ArrayList<>();

  public InMemoryAdmin(Workspace workspace) {
    this.workspace = workspace;
  }

  /** What the server's journal records for a request, with its unredacted side for Reveal. */
  public void record(JournalEntry entry, Exchange unredacted) {
    journal.add(entry);
    if (unredacted != null) {
      reveals.put(entry.id(), unredacted);
    }
    journalListeners.forEach(l -> l.accept(entry));
  }

  /** A device pairs or reports: listed, and every device subscriber hears it. */
  public void pair(Device device) {
    devices.put(device.id(), device);
    deviceListeners.forEach(l -> l.accept(device));
  }

  @Override
  public Settings settings() {
    return settings;
  }

  @Override
  public Settings updateSettings(SettingsChange change) {
    settings =
        new Settings(
            change.demoMode() != null ? change.demoMode() : settings.demoMode(),
            change.ginLegacyTokens() != null
                ? change.ginLegacyTokens()
                : settings.ginLegacyTokens(),
            change.demoUsers() != null ? change.demoUsers() : settings.demoUsers());
    return settings;
  }

  @Override
  public FaultPlan faults() {
    return plan;
  }

  @Override
  public FaultPlan setFaults(FaultPlan plan) {
    this.plan = plan;
    return plan;
  }

  @Override
  public FaultPlan addFault(FaultRule rule) {
    return setFaults(plan.plus(rule));
  }

  @Override
  public FaultPlan clearFaults() {
    return setFaults(FaultPlan.none());
  }

  @Override
  public FaultPlan setDeviceFault(String device, FaultRule rule) {
    return setFaults(plan.withDeviceRule(device, rule));
  }

  @Override
  public ClockView clock() {
    return clock;
  }

  @Override
  public ClockView setClock(ClockChange change) {
    long offset = change.reset() ? 0 : clock.offsetSeconds();
    double speed = change.reset() ? 1.0 : clock.speed();
    clock =
        new ClockView(
            clock.now(),
            change.offsetSeconds() != null ? change.offsetSeconds() : offset,
            change.speed() != null ? change.speed() : speed);
    return clock;
  }

  @Override
  public JournalPage journal(int limit) {
    int from = Math.max(0, journal.size() - limit);
    return new JournalPage(1000, 0, List.copyOf(journal.subList(from, journal.size())));
  }

  @Override
  public void clearJournal() {
    journal.clear();
    reveals.clear();
  }

  @Override
  public Runnable subscribeJournal(Consumer<JournalEntry> entries, LongConsumer gaps) {
    journalListeners.add(entries);
    return () -> journalListeners.remove(entries);
  }

  @Override
  public Optional<Exchange> reveal(long id) {
    return Optional.ofNullable(reveals.get(id));
  }

  @Override
  public List<IssuedRecord> tokens() {
    return List.copyOf(tokens);
  }

  @Override
  public WorkspaceView workspace() {
    return new WorkspaceView(
        workspace.appId(), "…(redacted)", "…(redacted)", "…(redacted)", "…(redacted)", "…");
  }

  @Override
  public List<Device> devices() {
    return List.copyOf(devices.values());
  }

  @Override
  public Optional<Device> device(String id) {
    return Optional.ofNullable(devices.get(id));
  }

  @Override
  public Runnable subscribeDevices(Consumer<Device> listener) {
    deviceListeners.add(listener);
    return () -> deviceListeners.remove(listener);
  }

  @Override
  public CommandReceipt command(String id, DeviceCommand command, CommandArgs args) {
    this.args.add(args == null ? CommandArgs.NONE : args);
    Device device = devices.get(id);
    if (device == null) {
      throw new AdminException(404, "unknown_device", "id", "no device " + id + " has connected");
    }
    String applied = null;
    if (command == DeviceCommand.SET_FAULT) {
      applied = applyFault(id, args);
      pair(withFault(device, applied));
    } else if (!device.connected()) {
      throw new AdminException(409, "device_offline", "id", id + " is not connected right now");
    }
    CommandReceipt receipt =
        new CommandReceipt(
            id,
            command,
            device.connected() ? "cmd-" + (commands.size() + 1) : "",
            device.connected(),
            applied);
    commands.add(receipt);
    return receipt;
  }

  private String applyFault(String device, CommandArgs args) {
    if (args == null || args.fault() == null) {
      throw new AdminException(
          400,
          "bad_request",
          "args.fault",
          "is required: NONE or one of " + List.of(Fault.values()));
    }
    if (args.fault().equalsIgnoreCase("NONE")) {
      setDeviceFault(device, null);
      return "none";
    }
    Fault fault;
    try {
      fault = Fault.valueOf(args.fault().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new AdminException(
          400, "bad_request", "args.fault", "must be NONE or one of " + List.of(Fault.values()));
    }
    int value = args.value() == null ? 0 : args.value();
    try {
      setDeviceFault(
          device, new FaultRule(args.route() == null ? "*" : args.route(), fault, value, 1.0));
    } catch (IllegalArgumentException e) {
      throw new AdminException(400, "bad_request", "args", e.getMessage());
    }
    return fault + (value == 0 ? "" : " " + value);
  }

  private static Device withFault(Device d, String fault) {
    return new Device(
        d.id(),
        d.name(),
        d.platform(),
        d.connected(),
        d.lastSeen(),
        d.flow(),
        d.state(),
        d.token(),
        d.tokenExpiresAt(),
        d.policy(),
        fault,
        d.events());
  }
}
