package dev.tokensandbox.client.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Load harness: how long 1,000 devices × 24 h of 15-minute tokens takes to simulate, in real time,
 * after warm-up. Writes the figures to the file named by its first argument.
 *
 * <pre>bash benchmarks/soak.sh</pre>
 */
public final class SoakBenchmark {
  private static final int DEVICES = 1000;
  private static final int WARMUP = 3;
  private static final int RUNS = 7;

  public static void main(String[] args) throws IOException {
    for (int i = 0; i < WARMUP; i++) {
      once();
    }
    List<Long> millis = new ArrayList<>();
    long renewals = 0;
    long events = 0;
    for (int i = 0; i < RUNS; i++) {
      long started = System.nanoTime();
      Soak soak = once();
      millis.add((System.nanoTime() - started) / 1_000_000);
      renewals = soak.sessions.stream().mapToLong(s -> s.stats().renewals()).sum();
      events = soak.events;
    }
    Collections.sort(millis);
    long median = millis.get(RUNS / 2);
    String report =
        String.format(
            Locale.ROOT,
            "# Client core soak benchmark%n%n"
                + "%d virtual devices × 24 h of 15-minute tokens (recommended policy, 200 ms simulated"
                + " network per call), one `VirtualClock`, the in-memory `OfflineBackend`.%n"
                + "Harness: `SoakBenchmark` (%d warm-up runs, %d measured runs, wall time per run).%n%n"
                + "| figure | value |%n|---|---|%n"
                + "| median wall time per simulated day | **%d ms** |%n"
                + "| fastest / slowest | %d ms / %d ms |%n"
                + "| renewals per run | %,d |%n"
                + "| timeline events per run | %,d |%n"
                + "| events per second (median) | %,d |%n"
                + "| machine | %d cores, %s %s, Java %s |%n%n"
                + "Correctness of the same run (every will-expire answered by one renewal, nobody"
                + " kicked, every token accounted for) is checked by `SoakTest` in the build.%n"
                + "Re-run: `bash benchmarks/soak.sh`.%n",
            DEVICES,
            WARMUP,
            RUNS,
            median,
            millis.get(0),
            millis.get(RUNS - 1),
            renewals,
            events,
            events * 1000 / Math.max(1, median),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            System.getProperty("java.version"));
    System.out.print(report);
    if (args.length > 0) {
      Path out = Path.of(args[0]);
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, report, StandardCharsets.UTF_8);
    }
  }

  private static Soak once() {
    Soak soak = new Soak(DEVICES);
    soak.run(Duration.ofHours(24));
    return soak;
  }

  private SoakBenchmark() {}
}
