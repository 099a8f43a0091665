package dev.tokensandbox.client.session;

import dev.tokensandbox.client.clock.SandboxClock;

/** One renewal episode of a session: why it began, its attempts and the retry it waits for. */
final class Renewal {
  final String why;
  int attempt;
  SandboxClock.Scheduled retry;
  boolean done;

  Renewal(String why) {
    this.why = why;
  }

  void cancel() {
    done = true;
    if (retry != null) {
      retry.cancel();
      retry = null;
    }
  }
}
