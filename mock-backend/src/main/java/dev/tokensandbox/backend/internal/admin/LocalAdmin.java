package dev.tokensandbox.backend.internal.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensandbox.backend.clock.SandboxTime;
import dev.tokensandbox.backend.internal.devices.DeviceRegistry;
import dev.tokensandbox.backend.internal.faults.FaultInjector;
import dev.tokensandbox.backend.internal.http.ApiError;
import dev.tokensandbox.backend.internal.http.Http;
import dev.tokensandbox.backend.internal.http.ServerSettings;
import dev.tokensandbox.backend.internal.mint.TokenMint;
import dev.tokensandbox.backend.traffic.RevealStore;
import dev.tokensandbox.backend.traffic.TrafficJournal;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.protocol.DeviceCommand;
import dev.tokensandbox.protocol.DeviceMessage;
import dev.tokensandbox.protocol.admin.Device;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import dev.tokensandbox.protocol.admin.IssuedRecord;
import dev.tokensandbox.protocol.admin.JournalEntry;
import dev.tokensandbox.protocol.admin.SandboxAdmin;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** The sandbox administered in-process: what {@code SandboxServer.admin()} returns. */
public final class LocalAdmin implements SandboxAdmin {
  /** Renewal triggers a device accepts in {@code setPolicy}. */
  public static final List<String> TRIGGERS = List.of("WILL_EXPIRE", "REQUEST_TOKEN", "BOTH");

  private final Workspace workspace;
  private final ServerSettings settings;
  private final FaultInjector faults;
  private final SandboxTime time;
  private final TrafficJournal journal;
  private final RevealStore reveals;
  private final TokenMint mint;
  private final DeviceRegistry devices;

  public LocalAdmin(
      Workspace workspace,
      ServerSettings settings,
      FaultInjector faults,
      SandboxTime time,
      TrafficJournal journal,
      RevealStore reveals,
      TokenMint mint,
      DeviceRegistry devices) {
    this.workspace = workspace;
    this.settings = settings;
    this.faults = faults;
    this.time = time;
    this.journal = journal;
    this.reveals = reveals;
    this.mint = mint;
    this.devices = devices;
  }

  @Override
  public Settings settings() {
    return new Settings(settings.demoMode(), settings.ginLegacyTokens(), settings.demoUsers());
  }

  @Override
  public Settings updateSettings(SettingsChange change) {
    if (change.demoMode() != null) {
      settings.setDemoMode(change.demoMode());
    }
    if (change.ginLegacyTokens() != null) {
      settings.setGinLegacyTokens(change.ginLegacyTokens());
    }
    if (change.demoUsers() != null) {
      settings.setDemoUsers(change.demoUsers());
    }
    return settings();
  }

  @Override
  public FaultPlan faults() {
    return faults.plan();
  }

  @Override
  public FaultPlan setFaults(FaultPlan plan) {
    return faults.update(old -> plan);
  }

  @Override
  public FaultPlan addFault(FaultRule rule) {
    return faults.update(plan -> plan.plus(rule));
  }

  @Override
  public FaultPlan clearFaults() {
    return faults.update(plan -> FaultPlan.none());
  }

  @Override
  public FaultPlan setDeviceFault(String device, FaultRule rule) {
    return faults.update(plan -> plan.withDeviceRule(device, rule));
  }

  @Override
  public ClockView clock() {
    return new ClockView(time.instant(), time.offset().toSeconds(), time.speed());
  }

  @Override
  public ClockView setClock(ClockChange change) {
    if (change.speed() != null
        && !(change.speed() >= 0 && change.speed() <= SandboxTime.MAX_SPEED)) {
      throw ApiError.badRequest("speed", "must be a number in 0.." + (long) SandboxTime.MAX_SPEED);
    }
    if (change.offsetSeconds() != null && Math.abs(change.offsetSeconds()) > MAX_OFFSET_SECONDS) {
      throw ApiError.badRequest(
          "offsetSeconds",
          "must be an integer in " + -MAX_OFFSET_SECONDS + ".." + MAX_OFFSET_SECONDS);
    }
    if (change.reset()) {
      time.reset();
    }
    if (change.offsetSeconds() != null) {
      time.setOffset(Duration.ofSeconds(change.offsetSeconds()));
    }
    if (change.speed() != null) {
      time.setSpeed(change.speed());
    }
    return clock();
  }

  /** How far the sandbox clock may be moved from real time: 30 days either way. */
  public static final long MAX_OFFSET_SECONDS = 30L * 86_400;

  @Override
  public JournalPage journal(int limit) {
    return new JournalPage(journal.capacity(), journal.dropped(), journal.latest(limit));
  }

  @Override
  public void clearJournal() {
    journal.clear();
  }

  @Override
  public Runnable subscribeJournal(Consumer<JournalEntry> entries, LongConsumer gaps) {
    return journal.subscribe(entries, gaps);
  }

  /** As {@link #subscribeJournal(Consumer, LongConsumer)}, with at most {@code queue} waiting. */
  public Runnable subscribeJournal(Consumer<JournalEntry> entries, LongConsumer gaps, int queue) {
    return journal.subscribe(entries, gaps, queue);
  }

  @Override
  public Optional<dev.tokensandbox.protocol.admin.Exchange> reveal(long id) {
    return reveals.get(id);
  }

  @Override
  public List<IssuedRecord> tokens() {
    return mint.history();
  }

  /** Builds a token of any kind the official builders make (POST /sandbox/tokens). */
  public dev.tokensandbox.backend.tokens.IssuedToken buildToken(
      dev.tokensandbox.backend.tokens.TokenOrder order) {
    return mint.build("POST /sandbox/tokens", order);
  }

  @Override
  public WorkspaceView workspace() {
    return new WorkspaceView(
        workspace.appId(),
        masked(workspace.appCertificate()),
        masked(workspace.ringnityApiKey()),
        masked(workspace.chatsdkApiKey()),
        masked(workspace.chatsdkJwtSecret()),
        masked(workspace.ringnityJwtSecret()));
  }

  /** Shows that a secret exists and which one it is (last 4), never the secret. */
  static String masked(String secret) {
    return secret == null
        ? null
        : "…" + secret.substring(Math.max(0, secret.length() - 4)) + " (redacted)";
  }

  @Override
  public List<dev.tokensandbox.protocol.admin.Device> devices() {
    return devices.devices();
  }

  @Override
  public Optional<dev.tokensandbox.protocol.admin.Device> device(String id) {
    return devices.device(id);
  }

  @Override
  public Runnable subscribeDevices(Consumer<dev.tokensandbox.protocol.admin.Device> listener) {
    return devices.subscribe(listener);
  }

  /** As {@link #subscribeDevices(Consumer)}; {@code gaps} learns how many changes were missed. */
  public Runnable subscribeDevices(Consumer<Device> listener, LongConsumer gaps, int queue) {
    return devices.subscribe(listener, gaps, queue);
  }

  @Override
  public CommandReceipt command(String device, DeviceCommand command, CommandArgs args) {
    if (device == null || !devices.isKnown(device)) {
      throw new ApiError(404, "unknown_device", "id", "no device " + device + " has connected");
    }
    if (command == null) {
      throw ApiError.badRequest("command", "must be one of " + DeviceCommand.wireNames());
    }
    CommandArgs given = args == null ? CommandArgs.NONE : args;
    ObjectNode checked = Http.JSON.createObjectNode();
    String applied = null;
    if (command == DeviceCommand.SET_FAULT) {
      applied = applyFault(device, given, checked);
      devices.fault(device, applied);
    } else if (command == DeviceCommand.SET_POLICY) {
      String trigger = given.trigger();
      if (trigger == null || !TRIGGERS.contains(trigger.toUpperCase(Locale.ROOT))) {
        throw ApiError.badRequest("args.trigger", "must be one of " + TRIGGERS);
      }
      checked.put("trigger", trigger.toUpperCase(Locale.ROOT));
    }
    Optional<String> sent =
        devices.send(
            device,
            id -> {
              ObjectNode m = Http.JSON.createObjectNode();
              m.put("type", DeviceMessage.COMMAND.wire());
              m.put("id", id);
              m.put("command", command.wire());
              m.set("args", checked);
              return m.toString();
            });
    if (sent.isEmpty() && command != DeviceCommand.SET_FAULT) {
      throw new ApiError(409, "device_offline", "id", device + " is not connected right now");
    }
    return new CommandReceipt(device, command, sent.orElse(""), sent.isPresent(), applied);
  }

  /** Replaces the device's rules in the fault plan; returns what the device now suffers. */
  private String applyFault(String device, CommandArgs args, ObjectNode checked) {
    String name = args.fault();
    if (name == null) {
      throw ApiError.badRequest(
          "args.fault", "is required: NONE or one of " + List.of(Fault.values()));
    }
    if (name.equalsIgnoreCase("NONE")) {
      setDeviceFault(device, null);
      checked.put("fault", "NONE");
      return "none";
    }
    Fault fault;
    try {
      fault = Fault.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("args.fault", "must be NONE or one of " + List.of(Fault.values()));
    }
    Integer value = args.value();
    String route = args.route();
    FaultRule rule;
    try {
      rule = new FaultRule(route == null ? "*" : route, fault, value == null ? 0 : value, 1.0);
    } catch (IllegalArgumentException e) {
      throw ApiError.fromRule("args.", e);
    }
    setDeviceFault(device, rule);
    checked.put("fault", fault.name());
    checked.put("value", value == null ? 0 : value);
    return fault + (value == null || value == 0 ? "" : " " + value);
  }
}
