package dev.tokensandbox.desktop.devices;

import dev.tokensandbox.client.session.EventKind;
import dev.tokensandbox.client.session.TimelineEvent;
import dev.tokensandbox.desktop.testing.SandboxUnderTest;
import dev.tokensandbox.desktop.testing.UiThread;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue #33's scripted run, as a person would do it on the Devices screen: a Shengwang RTC device,
 * fault "Tokens live 20 s" for 60 s, the fault cleared, then two minutes left alone. Says how many
 * tokens were fetched and renewals made, the findings, and the process's RSS at the start, its
 * peak, and two minutes after the fault was cleared. Run through {@code
 * benchmarks/desktop-storm.sh} (its own JVM, the desktop launcher's options).
 */
public final class StormRun {
  private static final Duration FAULT = Duration.ofSeconds(60);
  private static final Duration AFTER = Duration.ofMinutes(2);

  private StormRun() {}

  public static void main(String[] args) throws Exception {
    Path out = args.length > 0 ? Path.of(args[0]) : null;
    Path home = Files.createTempDirectory("storm-run");
    long[] peak = {0};
    try (UiThread ui = new UiThread();
        SandboxUnderTest sut = SandboxUnderTest.open(home, ui)) {
      DevicesViewModel model = sut.sandbox.devices;
      DevicesViewModel.Row row = ui.call(model::add);
      SandboxUnderTest.await(
          "the join", () -> ui.call(() -> row.stateProperty().get()).equals("CONNECTED"));
      pause(Duration.ofSeconds(10));
      long start = rss();
      ui.run(
          () -> {
            model.selectedProperty().set(row);
            model.setFault("Tokens live 20 s");
            model.renew();
          });
      long until = System.nanoTime() + FAULT.toNanos();
      while (System.nanoTime() < until) {
        pause(Duration.ofMillis(200));
        peak[0] = Math.max(peak[0], rss());
        ui.run(model::tick);
      }
      List<TimelineEvent> during = ui.call(() -> List.copyOf(model.deviceLogs().get(0).events()));
      List<String> findings = ui.call(() -> model.deviceLogs().get(0).findings());
      String message = ui.call(() -> model.messageProperty().get());
      ui.run(
          () -> {
            model.setFault(DevicesViewModel.NO_FAULT);
            model.renew();
          });
      long cleared = System.nanoTime() + AFTER.toNanos();
      while (System.nanoTime() < cleared) {
        pause(Duration.ofMillis(500));
        peak[0] = Math.max(peak[0], rss());
        ui.run(model::tick);
      }
      long end = rss();
      long tokens = count(during, EventKind.TOKEN_ISSUED);
      long renewals = count(during, EventKind.RENEWED);
      String table =
          "Measured "
              + LocalDate.now()
              + " with `bash benchmarks/desktop-storm.sh`: a Shengwang RTC virtual device, fault"
              + " \"Tokens live 20 s\" for "
              + FAULT.toSeconds()
              + " s, then cleared and left alone for "
              + AFTER.toMinutes()
              + " min (the desktop's view-models and both embedded backends, no window).\n\n"
              + "| tokens fetched | renewals | findings | status line | RSS start → peak → "
              + AFTER.toMinutes()
              + " min after MB |\n|---|---|---|---|---|\n| "
              + tokens
              + " | "
              + renewals
              + " | "
              + findings.size()
              + ": "
              + String.join("; ", findings)
              + " | "
              + message
              + " | "
              + (start >> 10)
              + " → "
              + (peak[0] >> 10)
              + " → "
              + (end >> 10)
              + " |\n";
      System.out.println(table);
      if (out != null) {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
      }
      boolean ok =
          renewals <= tokens && findings.size() == 1 && ((end - start) >> 10) <= 50 && tokens < 30;
      System.out.println(ok ? "PASS" : "FAIL");
      System.exit(ok ? 0 : 1);
    }
  }

  private static long count(List<TimelineEvent> events, EventKind kind) {
    return events.stream().filter(e -> e.kind() == kind).count();
  }

  /** The harness's own pacing, on a monitor (not the view-models' clock). */
  private static void pause(Duration d) throws InterruptedException {
    Object monitor = new Object();
    synchronized (monitor) {
      long until = System.nanoTime() + d.toNanos();
      long left;
      while ((left = until - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(monitor, left);
      }
    }
  }

  /** This process's resident set, in KB. */
  private static long rss() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }
}
