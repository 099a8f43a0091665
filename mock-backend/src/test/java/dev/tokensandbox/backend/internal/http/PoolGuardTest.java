package dev.tokensandbox.backend.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guard's decisions, driven check by check on a real pool whose threads the test blocks. */
class PoolGuardTest {
  private final QueuedThreadPool pool = new QueuedThreadPool(3, 1, 60_000, 0, null, null);
  private final AtomicLong finished = new AtomicLong();
  private final List<String> log = new ArrayList<>();
  private final PoolGuard guard = new PoolGuard(pool, 3, 10, finished::get, log::add);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    pool.stop();
  }

  private void block(int jobs) {
    for (int i = 0; i < jobs; i++) {
      pool.execute(
          () -> {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
  }

  @Test
  void waitingRequestsWithNoneFinishingGrowThePoolAndRunTheWaitingOnes() throws Exception {
    pool.start();
    block(3); // every thread held
    CountDownLatch waiting = new CountDownLatch(2);
    pool.execute(waiting::countDown);
    pool.execute(waiting::countDown);
    assertThat(pool.getQueueSize()).isEqualTo(2);

    guard.check(); // the first check only notes how many requests have finished
    guard.check(); // requests wait and none finished: once is not yet starving
    assertThat(pool.getMaxThreads()).isEqualTo(3);
    guard.check(); // twice is
    assertThat(pool.getMaxThreads()).isEqualTo(7);
    assertThat(waiting.await(5, TimeUnit.SECONDS)).as("the waiting jobs ran").isTrue();
    assertThat(guard.growths()).isEqualTo(1);
    assertThat(log).singleElement().asString().contains("with none finishing", "7 threads");
  }

  @Test
  void aBusyPoolThatKeepsFinishingRequestsDoesNotGrow() throws Exception {
    pool.start();
    block(3);
    pool.execute(() -> {});
    for (int i = 0; i < 10; i++) {
      finished.incrementAndGet(); // requests keep completing elsewhere
      guard.check();
    }
    assertThat(pool.getMaxThreads()).isEqualTo(3);
  }

  @Test
  void theCeilingHoldsAndACalmPoolShrinksBack() throws Exception {
    pool.start();
    block(3 + 12); // more held jobs than the ceiling has threads
    for (int i = 0; i < 20; i++) {
      guard.check();
    }
    assertThat(pool.getMaxThreads()).isEqualTo(10);
    assertThat(guard.growths()).isEqualTo(2); // 3 → 7 → 10, then the ceiling

    release.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while ((pool.getBusyThreads() > 0 || pool.getQueueSize() > 0) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    for (int i = 0; i < 100 && pool.getMaxThreads() > 3; i++) {
      guard.check();
    }
    assertThat(pool.getMaxThreads()).isEqualTo(3);
  }
}
