package dev.tokensandbox.backend.internal.http;

import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Keeps the request pool small while requests flow and grows it when they starve. A few threads
 * serve requests in arrival order and keep the tail latency low on few cores; but a thread can
 * still be held by something the sandbox does not control (a client that stops reading a large
 * answer holds its writer until the idle timeout), and a fixed small pool would then stall
 * everyone. So, checked every {@link #PERIOD_MILLIS} ms: if requests are waiting and none has
 * finished for two checks in a row, the pool may grow by its base size, up to the ceiling, and a
 * thread is started for each waiting request. Once the queue has been empty and the pool below its
 * base for ten seconds, the ceiling goes back to the base (the extra threads end when idle).
 */
public final class PoolGuard {
  /** How often the pool is checked. */
  public static final long PERIOD_MILLIS = 100;

  private static final int CHECKS_TO_GROW = 2;
  private static final int CHECKS_TO_SHRINK = 100;

  private final QueuedThreadPool pool;
  private final int base;
  private final int ceiling;
  private final LongSupplier finished;
  private final Consumer<String> log;
  private long lastFinished = -1;
  private int starving;
  private int calm;
  private int growths;

  public PoolGuard(
      QueuedThreadPool pool, int base, int ceiling, LongSupplier finished, Consumer<String> log) {
    this.pool = pool;
    this.base = base;
    this.ceiling = Math.max(base, ceiling);
    this.finished = finished;
    this.log = log;
  }

  /** One check; called every {@link #PERIOD_MILLIS} ms by the server's watch thread. */
  public synchronized void check() {
    long done = finished.getAsLong();
    int queued = pool.getQueueSize();
    if (queued > 0 && done == lastFinished) {
      if (++starving >= CHECKS_TO_GROW) {
        grow(queued);
        starving = 0;
      }
    } else {
      starving = 0;
    }
    if (queued == 0 && pool.getBusyThreads() < base && pool.getMaxThreads() > base) {
      if (++calm >= CHECKS_TO_SHRINK) {
        pool.setMaxThreads(base);
        calm = 0;
      }
    } else {
      calm = 0;
    }
    lastFinished = done;
  }

  private void grow(int queued) {
    int max = pool.getMaxThreads();
    if (max >= ceiling) {
      return;
    }
    int grown = Math.min(ceiling, max + Math.max(4, base));
    pool.setMaxThreads(grown);
    growths++;
    // A queued job starts a thread only when the next one arrives; start them now.
    for (int i = 0; i < Math.min(queued, grown - max); i++) {
      pool.execute(() -> {});
    }
    log.accept(
        "server: "
            + queued
            + " request(s) waited "
            + CHECKS_TO_GROW * PERIOD_MILLIS
            + " ms with none finishing; pool may now use "
            + grown
            + " threads");
  }

  /** How many times the pool grew since the start. */
  public synchronized int growths() {
    return growths;
  }
}
