package dev.tokensandbox.client.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Real time: "now" from a {@link Clock}, tasks on one scheduler thread. Everything the core
 * schedules runs on that thread, so the engine and the session need no locks; a task must not block
 * it for long (network calls go through a {@code CallRunner}).
 */
public final class ExecutorClock implements SandboxClock, AutoCloseable {
  private final Clock clock;
  private final ScheduledExecutorService executor;

  public ExecutorClock(Clock clock, ScheduledExecutorService executor) {
    this.clock = clock;
    this.executor = executor;
  }

  /** The system clock with its own daemon thread named {@code name}. */
  public static ExecutorClock system(String name) {
    return new ExecutorClock(
        Clock.systemUTC(),
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            }));
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public Scheduled schedule(Instant at, Runnable task) {
    long delayNanos = Math.max(0, Duration.between(now(), at).toNanos());
    ScheduledFuture<?> future;
    try {
      future = schedule(task, delayNanos);
    } catch (RejectedExecutionException closed) {
      // Closed: the task is dropped like the ones pending at close(). Callbacks from other
      // threads (OkHttp's, a WebSocket failing as the app shuts down) land here and must not throw.
      return dropped(at);
    }
    return new Scheduled() {
      @Override
      public boolean cancel() {
        return future.cancel(false);
      }

      @Override
      public Instant at() {
        return at;
      }
    };
  }

  private ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
    return executor.schedule(
        () -> {
          try {
            task.run();
          } catch (RuntimeException | Error e) {
            // A scheduled executor would swallow it silently; make it visible instead.
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
          }
        },
        delayNanos,
        TimeUnit.NANOSECONDS);
  }

  private static Scheduled dropped(Instant at) {
    return new Scheduled() {
      @Override
      public boolean cancel() {
        return false;
      }

      @Override
      public Instant at() {
        return at;
      }
    };
  }

  /** Stops the scheduler thread; pending tasks, and any scheduled afterwards, are dropped. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
