package dev.tokensandbox.client.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A clock that moves only when told to. Tasks run in time order (ties in scheduling order) on the
 * thread that advances the clock, and {@link #now()} reads the task's own time while it runs, so a
 * timeline is exact and repeatable. {@link #now()} and {@link #schedule} may be called from any
 * thread (an embedded server reads the time while a task waits on it); advance it from one thread.
 * {@link ClockPacer} runs it at a speed factor against a real clock.
 */
public final class VirtualClock implements SandboxClock {
  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private volatile Instant now;
  private long sequence;
  private Runnable wakeListener = () -> {};

  public VirtualClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public Scheduled schedule(Instant at, Runnable task) {
    Task t;
    boolean newHead;
    synchronized (this) {
      Instant current = now;
      t = new Task(at.isBefore(current) ? current : at, sequence++, task);
      queue.add(t);
      newHead = queue.peek() == t;
    }
    if (newHead) {
      wakeListener.run();
    }
    return t;
  }

  /**
   * Called (on the scheduling thread) whenever a new task becomes the earliest pending one, so a
   * driver such as {@link ClockPacer} can wake earlier than it planned.
   */
  public void setWakeListener(Runnable listener) {
    this.wakeListener = listener == null ? () -> {} : listener;
  }

  /** When the next pending task is due, if any. */
  public synchronized Optional<Instant> nextEventAt() {
    purgeCancelled();
    return Optional.ofNullable(queue.peek()).map(Task::at);
  }

  /** How many tasks are waiting (cancelled ones excluded). */
  public synchronized int pending() {
    int n = 0;
    for (Task t : queue) {
      n += t.state == Task.PENDING ? 1 : 0;
    }
    return n;
  }

  /** Runs every task due up to {@code target}, then sets the clock to {@code target}. */
  public int advanceTo(Instant target) {
    if (target.isBefore(now)) {
      throw new IllegalArgumentException("time cannot go back: " + target + " is before " + now);
    }
    int ran = 0;
    Task next;
    while ((next = takeDue(target)) != null) {
      if (next.start()) {
        next.body.run();
        ran++;
      }
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

  private synchronized Task takeDue(Instant target) {
    purgeCancelled();
    Task next = queue.peek();
    if (next == null || next.at.isAfter(target)) {
      return null;
    }
    queue.poll();
    now = next.at;
    return next;
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
    private volatile int state = PENDING;

    Task(Instant at, long order, Runnable body) {
      this.at = at;
      this.order = order;
      this.body = body;
    }

    /** Claims the task for running; false if it was cancelled meanwhile. */
    synchronized boolean start() {
      if (state != PENDING) {
        return false;
      }
      state = DONE;
      return true;
    }

    @Override
    public synchronized boolean cancel() {
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
