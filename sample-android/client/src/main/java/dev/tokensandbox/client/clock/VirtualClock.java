package dev.tokensandbox.client.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A clock that moves only when told to. Tasks run in time order (ties in scheduling order) on the
 * thread that advances the clock, and {@link #now()} reads the task's own time while it runs, so a
 * timeline is exact and repeatable. Not thread-safe: drive it from one thread.
 */
public final class VirtualClock implements SandboxClock {
  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private Instant now;
  private long sequence;

  public VirtualClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public Scheduled schedule(Instant at, Runnable task) {
    Task t = new Task(at.isBefore(now) ? now : at, sequence++, task);
    queue.add(t);
    return t;
  }

  /** When the next pending task is due, if any. */
  public Optional<Instant> nextEventAt() {
    purgeCancelled();
    return Optional.ofNullable(queue.peek()).map(Task::at);
  }

  /** Runs every task due up to {@code target}, then sets the clock to {@code target}. */
  public int advanceTo(Instant target) {
    if (target.isBefore(now)) {
      throw new IllegalArgumentException("time cannot go back: " + target + " is before " + now);
    }
    int ran = 0;
    while (true) {
      purgeCancelled();
      Task next = queue.peek();
      if (next == null || next.at.isAfter(target)) {
        break;
      }
      queue.poll();
      now = next.at;
      next.run();
      ran++;
    }
    now = target;
    return ran;
  }

  public int advanceBy(Duration duration) {
    return advanceTo(now.plus(duration));
  }

  /** Jumps to the next pending task and runs everything due then; false when nothing is pending. */
  public boolean runNextEvent() {
    Optional<Instant> next = nextEventAt();
    next.ifPresent(this::advanceTo);
    return next.isPresent();
  }

  private void purgeCancelled() {
    while (!queue.isEmpty() && queue.peek().state != Task.PENDING) {
      queue.poll();
    }
  }

  private static final class Task implements Scheduled, Comparable<Task> {
    static final int PENDING = 0;
    static final int DONE = 1;
    static final int CANCELLED = 2;

    private final Instant at;
    private final long order;
    private final Runnable body;
    private int state = PENDING;

    Task(Instant at, long order, Runnable body) {
      this.at = at;
      this.order = order;
      this.body = body;
    }

    void run() {
      state = DONE;
      body.run();
    }

    @Override
    public boolean cancel() {
      if (state != PENDING) {
        return false;
      }
      state = CANCELLED;
      return true;
    }

    @Override
    public Instant at() {
      return at;
    }

    @Override
    public int compareTo(Task other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }
}
