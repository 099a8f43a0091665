package dev.tokensandbox.backend.internal.devices;

import dev.tokensandbox.backend.traffic.Redactor;
import dev.tokensandbox.protocol.admin.Device;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The devices paired with this sandbox over the device channel: what each said about itself, its
 * latest state and events (redacted), and a way to send it commands. A device stays listed after it
 * disconnects, marked offline, so the desktop still shows its last state.
 */
public final class DeviceRegistry {
  /** How long a disconnected device is still listed before the registry forgets it. */
  public static final java.time.Duration FORGET_AFTER = java.time.Duration.ofMinutes(10);

  /** Most disconnected devices listed; the longest gone are forgotten first. */
  public static final int MAX_OFFLINE = 100;

  /** Most events kept per device. */
  public static final int MAX_EVENTS = 200;

  /** The commands a device understands. */
  public static final List<String> COMMANDS = dev.tokensandbox.protocol.DeviceCommand.wireNames();

  /** Where commands for a connected device go (its WebSocket). */
  public interface Outlet {
    void send(String json);
  }

  private static final class Entry {
    final String id;
    String name = "";
    String platform = "";
    boolean connected;
    Instant lastSeen;
    String flow = "";
    String state = "";
    String token = "";
    Instant tokenExpiresAt;
    String policy = "";
    String fault = "";
    final ArrayDeque<String> events = new ArrayDeque<>();
    Outlet outlet;
    String credentials = "";

    Entry(String id) {
      this.id = id;
    }

    void log(String line) {
      if (events.size() == MAX_EVENTS) {
        events.removeFirst();
      }
      events.addLast(line);
    }

    Device view() {
      return new Device(
          id,
          name,
          platform,
          connected,
          lastSeen,
          flow,
          state,
          token,
          tokenExpiresAt,
          policy,
          fault,
          List.copyOf(events));
    }
  }

  private final Map<String, Entry> devices = new ConcurrentHashMap<>();
  private final dev.tokensandbox.backend.traffic.Fanout<Device> listeners;
  private final AtomicLong commands = new AtomicLong();
  private final Clock clock;
  private final Redactor redactor;

  /** A registry whose listeners run on {@code events}, never on the thread making a change. */
  public DeviceRegistry(Clock clock, Redactor redactor, java.util.concurrent.Executor events) {
    this.clock = clock;
    this.redactor = redactor;
    this.listeners =
        new dev.tokensandbox.backend.traffic.Fanout<>(
            events, dev.tokensandbox.backend.traffic.Fanout.DEFAULT_QUEUE);
  }

  /** Every device connected now or lately (see {@link #FORGET_AFTER}), by id. */
  public List<Device> devices() {
    forgetTheLongGone();
    List<Device> out = new ArrayList<>();
    for (Entry e : devices.values()) {
      synchronized (e) {
        out.add(e.view());
      }
    }
    out.sort(Comparator.comparing(Device::id));
    return out;
  }

  public Optional<Device> device(String id) {
    Entry e = devices.get(id);
    if (e == null) {
      return Optional.empty();
    }
    synchronized (e) {
      return Optional.of(e.view());
    }
  }

  /** Hears every change to a device, in order, on the events executor. */
  public Runnable subscribe(Consumer<Device> listener) {
    return listeners.subscribe(listener);
  }

  /** As {@link #subscribe(Consumer)}, with at most {@code queue} waiting before a gap. */
  public Runnable subscribe(
      Consumer<Device> listener, java.util.function.LongConsumer gaps, int queue) {
    return listeners.subscribe(listener, gaps, queue);
  }

  /** How many devices are connected now. */
  public synchronized int connectedCount() {
    return (int) devices.values().stream().filter(e -> e.connected).count();
  }

  /** Whether device {@code id} is connected now. */
  public synchronized boolean isConnected(String id) {
    Entry e = devices.get(id);
    return e != null && e.connected;
  }

  /** A device said hello on a new connection; a second connection replaces the first. */
  public void connected(String id, String name, String platform, Outlet outlet) {
    update(
        id,
        e -> {
          e.name = redactor.redact(clip(name));
          e.platform = redactor.redact(clip(platform));
          e.connected = true;
          e.outlet = outlet;
        });
  }

  /**
   * A new connection from {@code peer} wants device {@code id}, proving itself with {@code
   * credentials} (a fingerprint of what it paired with; empty on loopback without pairing). While
   * the id is connected, only the same credentials may take it over (a phone reconnecting after a
   * network change); other credentials are refused, and the device's log shows the conflict.
   *
   * @return whether the connection now holds the id
   */
  public boolean claim(String id, String credentials, String peer, Outlet outlet) {
    boolean[] claimed = new boolean[1];
    update(
        id,
        e -> {
          if (e.connected && e.outlet != outlet && !e.credentials.equals(credentials)) {
            e.log(
                "CONFLICT: a second connection from "
                    + redactor.redact(clip(peer))
                    + " with other pairing credentials tried to use this device id: refused");
            return;
          }
          e.connected = true;
          e.outlet = outlet;
          e.credentials = credentials;
          claimed[0] = true;
        });
    return claimed[0];
  }

  /** The connection {@code outlet} of device {@code id} closed. */
  public void disconnected(String id, Outlet outlet) {
    update(
        id,
        e -> {
          if (e.outlet == outlet) {
            e.connected = false;
            e.outlet = null;
          }
        });
  }

  /** The device reported its state. */
  public void state(
      String id, String flow, String state, String token, Instant expiresAt, String policy) {
    update(
        id,
        e -> {
          e.flow = redactor.redact(clip(flow));
          e.state = redactor.redact(clip(state));
          e.token = redactor.redact(clip(token));
          e.tokenExpiresAt = expiresAt;
          e.policy = redactor.redact(clip(policy));
        });
  }

  /** The device reported one timeline event (already a line of text). */
  public void event(String id, String line) {
    update(id, e -> e.log(redactor.redact(clip(line))));
  }

  /** Records the fault the sandbox set for this device (shown with it). */
  public void fault(String id, String description) {
    update(id, e -> e.fault = redactor.redact(description));
  }

  /**
   * Sends a command to a connected device: {@code json} builds the message from the command id this
   * assigns. Empty when the device is unknown or offline.
   */
  public Optional<String> send(String id, java.util.function.Function<String, String> json) {
    Entry e = devices.get(id);
    if (e == null) {
      return Optional.empty();
    }
    Outlet outlet;
    synchronized (e) {
      if (!e.connected || e.outlet == null) {
        return Optional.empty();
      }
      outlet = e.outlet;
    }
    String commandId = "cmd-" + commands.incrementAndGet();
    outlet.send(json.apply(commandId));
    return Optional.of(commandId);
  }

  public boolean isKnown(String id) {
    return devices.containsKey(id);
  }

  private void update(String id, Consumer<Entry> change) {
    Device[] view = new Device[1];
    // compute: atomic with forget(), so a device reconnecting is never changed after removal
    devices.compute(
        id,
        (key, existing) -> {
          Entry e = existing != null ? existing : new Entry(key);
          synchronized (e) {
            change.accept(e);
            e.lastSeen = clock.instant();
            view[0] = e.view();
          }
          return e;
        });
    listeners.publish(view[0]);
    forgetTheLongGone();
  }

  /**
   * Forgets devices disconnected for {@link #FORGET_AFTER}, and the longest gone beyond {@link
   * #MAX_OFFLINE}: a sandbox running for days with phones coming and going stays small.
   */
  private void forgetTheLongGone() {
    Instant cutoff = clock.instant().minus(FORGET_AFTER);
    record Gone(Entry entry, Instant since) {}
    List<Gone> offline = new ArrayList<>();
    for (Entry e : devices.values()) {
      synchronized (e) {
        if (!e.connected) {
          offline.add(new Gone(e, e.lastSeen));
        }
      }
    }
    offline.sort(Comparator.comparing(Gone::since));
    int excess = offline.size() - MAX_OFFLINE;
    for (Gone gone : offline) {
      if (excess-- > 0 || !gone.since().isAfter(cutoff)) {
        Entry e = gone.entry();
        devices.computeIfPresent(
            e.id, (key, current) -> current == e && !e.connected ? null : current);
      }
    }
  }

  private static String clip(String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= 500 ? s : s.substring(0, 500) + "…";
  }
}
