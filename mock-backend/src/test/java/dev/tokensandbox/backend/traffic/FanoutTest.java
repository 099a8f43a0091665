package dev.tokensandbox.backend.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Delivery off the publisher's thread, bounded queues and counted gaps, on a manual executor. */
class FanoutTest {
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private final Executor manual = tasks::add;
  private final List<String> heard = new ArrayList<>();

  private void runTasks() {
    while (!tasks.isEmpty()) {
      tasks.poll().run();
    }
  }

  @Test
  void publishingNeverRunsAListener() {
    Fanout<String> fanout = new Fanout<>(manual, 8);
    fanout.subscribe(heard::add);
    fanout.publish("a");
    fanout.publish("b");
    assertThat(heard).isEmpty();
    assertThat(tasks).hasSize(1); // one drain task per subscriber, however many events
    runTasks();
    assertThat(heard).containsExactly("a", "b");
  }

  @Test
  void aSubscriberThatFallsBehindSkipsAndIsToldHowMany() {
    Fanout<String> fanout = new Fanout<>(manual, 2);
    fanout.subscribe(heard::add, gap -> heard.add("gap " + gap));
    List<String> fast = new ArrayList<>();
    for (String e : List.of("1", "2", "3", "4", "5")) {
      fanout.publish(e);
    }
    runTasks();
    fanout.subscribe(fast::add);
    fanout.publish("6");
    runTasks();
    assertThat(heard).containsExactly("1", "2", "gap 3", "6");
    assertThat(fast).containsExactly("6");
    assertThat(fanout.skipped()).isEqualTo(3);
  }

  @Test
  void aSubscriberMayAskForASmallerQueueThanTheDefault() {
    Fanout<String> fanout = new Fanout<>(manual, 1024);
    List<String> small = new ArrayList<>();
    fanout.subscribe(small::add, gap -> small.add("gap " + gap), 3);
    fanout.subscribe(heard::add);
    for (int i = 1; i <= 10; i++) {
      fanout.publish(Integer.toString(i));
    }
    runTasks();
    assertThat(small).containsExactly("1", "2", "3", "gap 7");
    assertThat(heard).hasSize(10);
  }

  @Test
  void aFailingListenerDoesNotStopTheOthersOrItsOwnLaterEvents() {
    Fanout<String> fanout = new Fanout<>(manual, 8);
    fanout.subscribe(
        e -> {
          if (e.equals("bad")) {
            throw new IllegalStateException("client gone");
          }
          heard.add(e);
        });
    fanout.publish("bad");
    fanout.publish("good");
    runTasks();
    assertThat(heard).containsExactly("good");
  }

  @Test
  void unsubscribedListenersHearNothingMore() {
    Fanout<String> fanout = new Fanout<>(manual, 8);
    Runnable unsubscribe = fanout.subscribe(heard::add);
    fanout.publish("a");
    runTasks();
    unsubscribe.run();
    fanout.publish("b");
    runTasks();
    assertThat(heard).containsExactly("a");
    assertThat(fanout.subscriberCount()).isZero();
  }
}
