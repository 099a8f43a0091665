package dev.tokensandbox.client.clock;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How the core makes a blocking call (HTTP) without blocking its clock thread, and hands the result
 * back on that thread. {@link #inline} runs the call at once and delivers the result after a
 * simulated latency in clock time — exact and repeatable under a {@link VirtualClock}; {@link
 * #background} runs it on an I/O executor and delivers as soon as it is done (real time).
 */
public interface CallRunner {

  <T> void run(Supplier<T> call, Consumer<T> onResult);

  /** Calls now, on the caller's thread; the result arrives {@code latency} later on the clock. */
  static CallRunner inline(SandboxClock clock, Duration latency) {
    return new CallRunner() {
      @Override
      public <T> void run(Supplier<T> call, Consumer<T> onResult) {
        T result = call.get();
        clock.scheduleAfter(latency, () -> onResult.accept(result));
      }
    };
  }

  /**
   * Calls on {@code io}; the result is scheduled on {@code clock} as soon as it exists. Once {@code
   * io} refuses work (shut down with the app) calls are dropped, like the tasks of a closed clock,
   * instead of throwing into the clock's thread.
   */
  static CallRunner background(SandboxClock clock, Executor io) {
    return new CallRunner() {
      @Override
      public <T> void run(Supplier<T> call, Consumer<T> onResult) {
        try {
          io.execute(
              () -> {
                T result = call.get();
                clock.schedule(clock.now(), () -> onResult.accept(result));
              });
        } catch (RejectedExecutionException closing) {
          // the app is closing: nobody is left to hear the result
        }
      }
    };
  }
}
