package dev.tokensandbox.backend.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The headless server's request log. Request threads put their line in a bounded queue and go on;
 * every {@code interval} one thread writes all queued lines in a single write. Writing a line per
 * request, or waking a writer thread per request, cost a busy server on one core 20–45 % of its
 * throughput (docs/benchmarks.md). When the output cannot keep up and the queue is full, lines are
 * dropped and the count is written with the next batch: the log never slows down or blocks a
 * request.
 */
final class AsyncLineWriter implements Consumer<String>, AutoCloseable {
  static final int DEFAULT_CAPACITY = 16_384;
  static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

  private final BlockingQueue<String> queue;
  private final PrintWriter out;
  private final AtomicLong dropped = new AtomicLong();
  private final ScheduledExecutorService flusher;
  private volatile boolean closed;

  /** Lines are written only by {@link #flush()} and {@link #close()}. */
  AsyncLineWriter(PrintWriter out, int capacity) {
    this(out, capacity, null);
  }

  private AsyncLineWriter(PrintWriter out, int capacity, ScheduledExecutorService flusher) {
    this.out = out;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.flusher = flusher;
  }

  /** A writer that flushes every {@code interval} on its own daemon thread. */
  static AsyncLineWriter start(PrintWriter out, int capacity, Duration interval) {
    ScheduledExecutorService flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sandbox-log");
              t.setDaemon(true);
              return t;
            });
    AsyncLineWriter writer = new AsyncLineWriter(out, capacity, flusher);
    long nanos = interval.toNanos();
    flusher.scheduleWithFixedDelay(writer::flush, nanos, nanos, TimeUnit.NANOSECONDS);
    return writer;
  }

  @Override
  public void accept(String line) {
    if (closed || !queue.offer(line)) {
      dropped.incrementAndGet();
    }
  }

  /** Lines refused so far because the queue was full (or the writer closed). */
  long dropped() {
    return dropped.get();
  }

  /** Writes every queued line, and the count of lines dropped since the last batch, at once. */
  synchronized void flush() {
    List<String> batch = new ArrayList<>();
    queue.drainTo(batch);
    // The queue only refuses lines while it is full: every line dropped so far came after
    // the lines of this batch.
    long lost = dropped.getAndSet(0);
    if (batch.isEmpty() && lost == 0) {
      return;
    }
    StringBuilder text = new StringBuilder();
    String newline = System.lineSeparator();
    for (String line : batch) {
      text.append(line).append(newline);
    }
    if (lost > 0) {
      text.append('(').append(lost).append(" log lines dropped: the output could not keep up)");
      text.append(newline);
    }
    out.print(text);
    out.flush();
  }

  /** Stops taking lines and writes every line taken so far. */
  @Override
  public void close() {
    closed = true;
    if (flusher != null) {
      flusher.shutdown();
      try {
        flusher.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    flush();
  }
}
