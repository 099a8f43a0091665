package dev.tokensandbox.protocol.admin;

import dev.tokensandbox.protocol.DeviceCommand;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The one way to administer a sandbox: settings, the fault plan (including rules for one device),
 * the clock, the traffic journal and its live stream, reveal, the device registry, its live changes
 * and its commands, the workspace as others may see it, and the issued-token history.
 *
 * <p>Two implementations with one contract: the running server in-process ({@code
 * SandboxServer.admin()}, the backend's {@code LocalAdmin}), and over HTTP (the client core's
 * {@code SandboxAdminClient}, speaking to the {@code /sandbox/} API, itself a thin adapter over the
 * in-process one). So the desktop, a preset, a test and a phone see the same rules and the same
 * errors: an operation that refuses its input throws {@link AdminException} naming the field and
 * the rule, with the status the HTTP API answers with. Over HTTP, a sandbox that cannot be reached
 * is an {@link AdminException} with status 0.
 */
public interface SandboxAdmin {

  // --- settings ---

  Settings settings();

  /** Applies the members of {@code change} that are set; returns the settings now. */
  Settings updateSettings(SettingsChange change);

  // --- faults ---

  FaultPlan faults();

  FaultPlan setFaults(FaultPlan plan);

  /** Adds one rule to the plan, keeping its seed and the other rules. */
  FaultPlan addFault(FaultRule rule);

  FaultPlan clearFaults();

  /**
   * Replaces the rules that target {@code device} with {@code rule} given for that device (null
   * leaves the device without a fault); every other rule stays.
   */
  FaultPlan setDeviceFault(String device, FaultRule rule);

  // --- clock ---

  ClockView clock();

  ClockView setClock(ClockChange change);

  // --- traffic journal ---

  /** The newest {@code limit} entries, oldest first, with the journal's capacity and drop count. */
  JournalPage journal(int limit);

  void clearJournal();

  /**
   * Every entry recorded from now on, delivered off the request threads; {@code gaps} learns how
   * many a slow listener missed. Returns what unsubscribes.
   */
  Runnable subscribeJournal(Consumer<JournalEntry> entries, LongConsumer gaps);

  /**
   * The unredacted exchange of journal entry {@code id}, while it is among the newest. Only the
   * process that runs the sandbox can reveal: no route serves unredacted traffic, so over HTTP this
   * is always empty.
   */
  Optional<Exchange> reveal(long id);

  /** The issued-token history (fingerprints, never tokens). */
  List<IssuedRecord> tokens();

  /** The workspace with every secret masked. */
  WorkspaceView workspace();

  // --- devices ---

  List<Device> devices();

  /** One paired device, online or remembered. */
  Optional<Device> device(String id);

  /**
   * Every change of a paired device from now on, delivered off the request threads; returns what
   * unsubscribes.
   */
  Runnable subscribeDevices(Consumer<Device> listener);

  /**
   * Sends {@code command} to paired {@code device}. {@code setFault} also sets the device's fault
   * rule here (it applies even while the device is offline); other commands need the device online
   * (409 otherwise). 404 for a device that never connected.
   */
  CommandReceipt command(String device, DeviceCommand command, CommandArgs args);

  // --- value types ---

  record Settings(boolean demoMode, boolean ginLegacyTokens, boolean demoUsers) {}

  /** Null members are left as they are. */
  record SettingsChange(Boolean demoMode, Boolean ginLegacyTokens, Boolean demoUsers) {
    public static SettingsChange demoMode(boolean on) {
      return new SettingsChange(on, null, null);
    }

    public static SettingsChange ginLegacyTokens(boolean on) {
      return new SettingsChange(null, on, null);
    }

    public static SettingsChange demoUsers(boolean on) {
      return new SettingsChange(null, null, on);
    }
  }

  record ClockView(Instant now, long offsetSeconds, double speed) {}

  /** {@code reset} first, then the members that are set (null: unchanged). */
  record ClockChange(boolean reset, Long offsetSeconds, Double speed) {}

  record JournalPage(int capacity, long dropped, List<JournalEntry> entries) {}

  /** Secrets appear as {@code …last4 (redacted)}. */
  record WorkspaceView(
      String appId,
      String appCertificate,
      String ringnityApiKey,
      String chatsdkApiKey,
      String chatsdkJwtSecret,
      String ringnityJwtSecret) {}

  /**
   * A command's arguments: {@code fault} (NONE or a fault name), {@code value} and {@code route}
   * for setFault; {@code trigger} for setPolicy. Unused members are null.
   */
  record CommandArgs(String fault, Integer value, String route, String trigger) {
    public static final CommandArgs NONE = new CommandArgs(null, null, null, null);

    public static CommandArgs fault(String fault, int value) {
      return new CommandArgs(fault, value, null, null);
    }

    public static CommandArgs trigger(String trigger) {
      return new CommandArgs(null, null, null, trigger);
    }
  }

  /**
   * What became of a command: the message id and whether the device was online to receive it;
   * {@code applied} describes the fault a setFault left (null for other commands).
   */
  record CommandReceipt(
      String device, DeviceCommand command, String id, boolean delivered, String applied) {}
}
