package dev.tokensandbox.backend.traffic;

import dev.tokensandbox.protocol.admin.JournalEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A bounded ring buffer of {@link JournalEntry}s: memory stays flat however many requests pass.
 * Listeners (the live event stream, the desktop) hear each entry after it is recorded, on the
 * events executor, never on the recording (request) thread; one that falls behind skips entries and
 * is told how many ({@link Fanout}).
 */
public final class TrafficJournal {
  public static final int DEFAULT_CAPACITY = 1000;

  private final int capacity;
  private final ArrayDeque<JournalEntry> entries;
  private final Fanout<JournalEntry> listeners;
  private long nextId = 1;
  private long dropped;

  /** A journal whose listeners run on {@code events}. */
  public TrafficJournal(int capacity, java.util.concurrent.Executor events) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.listeners = new Fanout<>(events, Fanout.DEFAULT_QUEUE);
    this.capacity = capacity;
    this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  /** Assigns the next id to {@code entry}'s content and stores it; returns the stored entry. */
  public JournalEntry record(java.util.function.LongFunction<JournalEntry> entry) {
    JournalEntry stored;
    synchronized (this) {
      stored = entry.apply(nextId++);
      if (entries.size() == capacity) {
        entries.removeFirst();
        dropped++;
      }
      entries.addLast(stored);
    }
    listeners.publish(stored);
    return stored;
  }

  /** The newest {@code limit} entries, oldest first. */
  public synchronized List<JournalEntry> latest(int limit) {
    List<JournalEntry> all = new ArrayList<>(entries);
    return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
  }

  public synchronized int size() {
    return entries.size();
  }

  public int capacity() {
    return capacity;
  }

  /** How many entries were pushed out by newer ones. */
  public synchronized long dropped() {
    return dropped;
  }

  public synchronized void clear() {
    entries.clear();
  }

  public Runnable subscribe(Consumer<JournalEntry> listener) {
    return listeners.subscribe(listener);
  }

  /**
   * As {@link #subscribe(Consumer)}; {@code gaps} hears how many entries a slow listener missed.
   */
  public Runnable subscribe(Consumer<JournalEntry> listener, java.util.function.LongConsumer gaps) {
    return listeners.subscribe(listener, gaps);
  }

  /** As {@link #subscribe(Consumer, java.util.function.LongConsumer)}, with a smaller queue. */
  public Runnable subscribe(
      Consumer<JournalEntry> listener, java.util.function.LongConsumer gaps, int queue) {
    return listeners.subscribe(listener, gaps, queue);
  }

  /** Entries that listeners which fell behind did not receive, since the start. */
  public long skippedByListeners() {
    return listeners.skipped();
  }
}
