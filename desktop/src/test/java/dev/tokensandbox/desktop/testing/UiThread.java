package dev.tokensandbox.desktop.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the FX thread in view-model tests: one thread that owns the view-models' state, so
 * background reports and test reads never race (no FX toolkit needed).
 */
public final class UiThread implements Executor, AutoCloseable {
  private final ExecutorService thread = Executors.newSingleThreadExecutor();

  @Override
  public void execute(Runnable command) {
    thread.execute(command);
  }

  /** Runs {@code read} on the UI thread and returns its result. */
  public <T> T call(Callable<T> read) {
    try {
      return thread.submit(read).get(15, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("failed on the UI thread", e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  public void run(Runnable action) {
    call(
        () -> {
          action.run();
          return null;
        });
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
