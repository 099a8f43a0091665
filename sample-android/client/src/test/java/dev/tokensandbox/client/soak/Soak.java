package dev.tokensandbox.client.soak;

import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.clock.CallRunner;
import dev.tokensandbox.client.clock.VirtualClock;
import dev.tokensandbox.client.offline.OfflineBackend;
import dev.tokensandbox.client.session.RenewalPolicy;
import dev.tokensandbox.client.session.TokenSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * N devices with 15-minute tokens for a simulated day on one virtual clock, the recommended policy,
 * 200 ms of simulated network per call and devices starting a second apart. Shared by the soak test
 * (which checks the accounting) and the soak benchmark (which times it).
 */
final class Soak {
  static final Instant START = Instant.parse("2026-11-24T00:00:00Z");
  static final int LIFETIME = 900;

  final VirtualClock clock = new VirtualClock(START);
  final OfflineBackend backend = new OfflineBackend(clock, LIFETIME);
  final List<TokenSession> sessions = new ArrayList<>();
  long events;

  Soak(int devices) {
    CallRunner network = CallRunner.inline(clock, Duration.ofMillis(200));
    for (int i = 0; i < devices; i++) {
      RtcTokenQuery who = RtcTokenQuery.uid("soak", 10_000 + i, true, LIFETIME);
      TokenSession s =
          TokenSession.builder("device-" + i, clock, backend.source(who))
              .rtc(who, backend)
              .policy(RenewalPolicy.recommended())
              .runner(network)
              .random(new Random(i))
              .listener(e -> events++)
              .build();
      sessions.add(s);
      int offset = i % 60;
      clock.schedule(START.plusSeconds(offset), s::start);
    }
  }

  void run(Duration simulated) {
    clock.advanceTo(START.plus(simulated));
  }
}
