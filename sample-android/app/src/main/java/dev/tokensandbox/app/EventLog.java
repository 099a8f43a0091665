package dev.tokensandbox.app;

import dev.tokensandbox.client.clock.SandboxClock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The app's event list: each line stamped with the sandbox clock's time of day, the newest {@code
 * max} kept, every line also handed to {@code forward} (the device channel, so the desktop sees the
 * same log). Used on the clock's thread only.
 */
final class EventLog {
  private final SandboxClock clock;
  private final int max;
  private final Consumer<String> forward;
  private final ArrayDeque<String> lines = new ArrayDeque<>();

  EventLog(SandboxClock clock, int max, Consumer<String> forward) {
    this.clock = clock;
    this.max = max;
    this.forward = forward;
  }

  void add(String line) {
    String stamped = clock.now().toString().substring(11, 19) + "  " + line;
    if (lines.size() == max) {
      lines.removeFirst();
    }
    lines.addLast(stamped);
    forward.accept(stamped);
  }

  /** The kept lines, oldest first (a copy). */
  List<String> lines() {
    return new ArrayList<>(lines);
  }
}
