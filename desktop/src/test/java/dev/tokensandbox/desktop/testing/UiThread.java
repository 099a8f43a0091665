package dev.tokensandbox.desktop.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the FX thread in view-model tests: one thread that owns the view-models' state, so
 * background reports and test reads never race (no FX toolkit needed).
 */
public final class UiThread implements Executor, AutoCloseable {
  private final ExecutorService thread = Executors.newSingleThreadExecutor();

  @Override
  public void execute(Runnable command) {
    try {
      thread.execute(command);
    } catch (RejectedExecutionException closed) {
      // Closed, like the FX toolkit after exit: Platform.runLater drops what background threads
      // post late (a device clock finishing its last task while the sandbox closes), and so does
      // this stand-in, instead of throwing into that thread.
    }
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
