package dev.tokensandbox.desktop.tasks;

import java.util.concurrent.Executor;

/**
 * Where a view-model's slow work runs and where its results come back: the one way a view-model
 * leaves the UI thread (after JabRef's {@code TaskExecutor}). The window runs work on its I/O
 * threads and results on the JavaFX thread; tests use {@link #currentThread()}, where a command has
 * finished when it returns.
 */
public interface TaskExecutor {

  /** Runs {@code task}'s work in the background, then its success or failure handler on the UI. */
  <T> void execute(BackgroundTask<T> task);

  /** Runs {@code update} on the UI thread: for what is heard on other threads (events, ticks). */
  void onUi(Runnable update);

  /**
   * Where components that schedule their own background work run it (a virtual device's HTTP
   * calls); view-models hand it on and never call it themselves.
   */
  Executor background();

  /** Work on {@code background}, results and updates on {@code ui}. */
  static TaskExecutor of(Executor background, Executor ui) {
    return new TaskExecutor() {
      @Override
      public <T> void execute(BackgroundTask<T> task) {
        background.execute(() -> task.run(ui));
      }

      @Override
      public void onUi(Runnable update) {
        ui.execute(update);
      }

      @Override
      public Executor background() {
        return background;
      }
    };
  }

  /** Everything at once on the calling thread (view-model tests: nothing to wait for). */
  static TaskExecutor currentThread() {
    return of(Runnable::run, Runnable::run);
  }
}
