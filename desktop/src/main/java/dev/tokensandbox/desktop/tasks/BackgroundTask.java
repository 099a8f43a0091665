package dev.tokensandbox.desktop.tasks;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One piece of slow work and what the UI does with its result or its failure: {@code
 * BackgroundTask.wrap(() -> load(file)).onSuccess(this::show).onFailure(this::explain)
 * .executeWith(tasks)}. The work runs off the UI thread; the handlers run on it.
 *
 * @param <T> what the work produces
 */
public final class BackgroundTask<T> {
  private final Callable<T> work;
  private Consumer<? super T> onSuccess = value -> {};
  private Consumer<? super Exception> onFailure = BackgroundTask::unhandled;

  private BackgroundTask(Callable<T> work) {
    this.work = work;
  }

  public static <T> BackgroundTask<T> wrap(Callable<T> work) {
    return new BackgroundTask<>(work);
  }

  /** Runs on the UI thread with the work's result. */
  public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
    this.onSuccess = handler;
    return this;
  }

  /**
   * Runs on the UI thread when the work threw. Without one, the failure reaches the UI thread's
   * uncaught-exception handler: a task whose failure nobody expects still says so.
   */
  public BackgroundTask<T> onFailure(Consumer<? super Exception> handler) {
    this.onFailure = handler;
    return this;
  }

  public void executeWith(TaskExecutor executor) {
    executor.execute(this);
  }

  /** The work here, its handler on {@code ui}. */
  void run(Executor ui) {
    T value;
    try {
      value = work.call();
    } catch (Exception e) {
      ui.execute(() -> onFailure.accept(e));
      return;
    }
    ui.execute(() -> onSuccess.accept(value));
  }

  private static void unhandled(Exception e) {
    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
  }
}
