package dev.tokensandbox.backend.traffic;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Hands events to subscribers without ever running one on the publisher's thread (a request
 * thread): each subscriber has its own bounded queue, drained in order by one task at a time on a
 * shared executor. A subscriber that falls behind (an SSE reader that stopped reading blocks its
 * delivery, not the server) loses the events that do not fit; it is told how many before the next
 * one it receives, and {@link #skipped()} counts them all.
 */
public final class Fanout<T> {
  /** Events a subscriber may have waiting before newer ones are skipped. */
  public static final int DEFAULT_QUEUE = 1024;

  private final Executor executor;
  private final int queueCapacity;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final AtomicLong skipped = new AtomicLong();

  public Fanout(Executor executor, int queueCapacity) {
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be positive");
    }
    this.executor = executor;
    this.queueCapacity = queueCapacity;
  }

  /** Subscribes without being told about gaps. */
  public Runnable subscribe(Consumer<? super T> listener) {
    return subscribe(listener, gap -> {});
  }

  /**
   * {@code listener} hears every event published from now on, in order, on the executor; {@code
   * gaps} hears how many events were skipped, before the first event after them. Returns the
   * unsubscribe action.
   */
  public Runnable subscribe(Consumer<? super T> listener, LongConsumer gaps) {
    return subscribe(listener, gaps, queueCapacity);
  }

  /**
   * As {@link #subscribe(Consumer, LongConsumer)}, with at most {@code capacity} events waiting.
   */
  public Runnable subscribe(Consumer<? super T> listener, LongConsumer gaps, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    Subscriber subscriber = new Subscriber(listener, gaps, capacity);
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  /** Queues {@code event} for every subscriber; never blocks, never runs a listener. */
  public void publish(T event) {
    for (Subscriber subscriber : subscribers) {
      subscriber.offer(event);
    }
  }

  /** Events skipped by subscribers that fell behind, since the start. */
  public long skipped() {
    return skipped.get();
  }

  public int subscriberCount() {
    return subscribers.size();
  }

  /** Where a subscriber's queue overflowed, and by how many events. */
  private static final class Gap {
    long count = 1;
  }

  private final class Subscriber implements Runnable {
    private final Consumer<? super T> listener;
    private final LongConsumer gaps;
    // Events, and a Gap where events were skipped: at most capacity events, and gaps only
    // between them, so it stays bounded.
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final int capacity;
    private int events;
    private boolean draining;

    Subscriber(Consumer<? super T> listener, LongConsumer gaps, int capacity) {
      this.listener = listener;
      this.gaps = gaps;
      this.capacity = capacity;
    }

    void offer(T event) {
      boolean start;
      synchronized (this) {
        if (events >= capacity) {
          skipped.incrementAndGet();
          if (queue.peekLast() instanceof Gap gap) {
            gap.count++;
          } else {
            queue.addLast(new Gap());
          }
          return;
        }
        queue.addLast(event);
        events++;
        start = !draining;
        draining = true;
      }
      if (start) {
        executor.execute(this);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run() {
      while (true) {
        Object next;
        synchronized (this) {
          next = queue.pollFirst();
          if (next == null) {
            draining = false;
            return;
          }
          if (!(next instanceof Gap)) {
            events--;
          }
        }
        try {
          if (next instanceof Gap gap) {
            gaps.accept(gap.count);
          } else {
            listener.accept((T) next);
          }
        } catch (RuntimeException e) {
          // A failing subscriber (its client went away) must not stop the others; it is
          // unsubscribed by whoever owns it (the SSE close handler, the desktop's shutdown).
        }
      }
    }
  }
}
