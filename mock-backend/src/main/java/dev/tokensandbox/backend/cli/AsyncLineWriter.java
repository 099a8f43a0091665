package dev.tokensandbox.backend.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The headless server's request log: request threads hand their line to a bounded queue and go on;
 * one daemon thread writes whatever has queued up and flushes once per batch, so a busy server
 * makes one write for many lines instead of one locked, flushed write per request. When the output
 * cannot keep up and the queue is full, lines are dropped and counted, and the count is written as
 * soon as there is room: the log never slows down or blocks a request.
 */
final class AsyncLineWriter implements Consumer<String>, AutoCloseable {
  static final int DEFAULT_CAPACITY = 16_384;
  private static final String STOP = new String("stop"); // identity marker, never a real line

  private final BlockingQueue<String> queue;
  private final PrintWriter out;
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;
  private volatile boolean closed;

  AsyncLineWriter(PrintWriter out, int capacity) {
    this.out = out;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = new Thread(this::drain, "sandbox-log");
    writer.setDaemon(true);
    writer.start();
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

  private void drain() {
    List<String> batch = new ArrayList<>();
    try {
      while (true) {
        batch.add(queue.take());
        queue.drainTo(batch);
        // Lines refused so far were refused after every line of this batch was accepted.
        long lost = dropped.getAndSet(0);
        boolean stop = false;
        for (String line : batch) {
          if (line == STOP) {
            stop = true;
          } else {
            out.println(line);
          }
        }
        if (lost > 0) {
          out.println("(" + lost + " log lines dropped: the output could not keep up)");
        }
        out.flush();
        batch.clear();
        if (stop) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes every line accepted so far (waiting up to five seconds), then stops the writer. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!queue.offer(STOP, 5, TimeUnit.SECONDS)) {
        writer.interrupt();
      }
      writer.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
