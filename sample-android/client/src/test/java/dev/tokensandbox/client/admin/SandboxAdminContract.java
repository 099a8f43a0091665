package dev.tokensandbox.client.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.clock.ExecutorClock;
import dev.tokensandbox.client.control.ControlChannel;
import dev.tokensandbox.client.session.Backoff;
import dev.tokensandbox.client.testing.LiveBackend;
import dev.tokensandbox.protocol.DeviceCommand;
import dev.tokensandbox.protocol.admin.AdminException;
import dev.tokensandbox.protocol.admin.Device;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import dev.tokensandbox.protocol.admin.JournalEntry;
import dev.tokensandbox.protocol.admin.SandboxAdmin;
import dev.tokensandbox.protocol.admin.SandboxAdmin.ClockChange;
import dev.tokensandbox.protocol.admin.SandboxAdmin.CommandArgs;
import dev.tokensandbox.protocol.admin.SandboxAdmin.SettingsChange;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SandboxAdmin} does, whichever side of the wire it is on: run against the server
 * in-process ({@link LocalAdminContractTest}) and over HTTP ({@link HttpAdminContractTest}). Each
 * test changes the sandbox through the implementation under test and reads it back through the same
 * one, so both keep one contract with the same types and errors.
 */
abstract class SandboxAdminContract {
  final LiveBackend backend = new LiveBackend();
  private final ExecutorClock deviceClock = ExecutorClock.system("contract-device");
  private ControlChannel channel;

  /** The implementation under test, administering {@link #backend}. */
  abstract SandboxAdmin admin();

  @AfterEach
  void close() {
    if (channel != null) {
      deviceClock.schedule(deviceClock.now(), channel::stop);
    }
    backend.close();
    deviceClock.close();
  }

  @Test
  void settingsChangeOnlyTheMembersGiven() {
    SandboxAdmin.Settings before = admin().settings();
    SandboxAdmin.Settings after = admin().updateSettings(SettingsChange.ginLegacyTokens(true));
    assertThat(after.ginLegacyTokens()).isTrue();
    assertThat(after.demoMode()).isEqualTo(before.demoMode());
    assertThat(after.demoUsers()).isEqualTo(before.demoUsers());
    assertThat(admin().settings()).isEqualTo(after);
  }

  @Test
  void theFaultPlanIsSetAddedToLimitedToADeviceAndCleared() {
    FaultRule unavailable = FaultRule.always("agora.rtc", Fault.STATUS, 503);
    FaultRule slow = FaultRule.always("*", Fault.LATENCY, 10);
    FaultPlan plan = new FaultPlan(5, List.of(unavailable));
    assertThat(admin().setFaults(plan)).isEqualTo(plan);
    assertThat(admin().faults()).isEqualTo(plan);

    assertThat(admin().addFault(slow)).isEqualTo(new FaultPlan(5, List.of(unavailable, slow)));

    FaultRule short20 = FaultRule.always("*", Fault.SHORT_LIFETIME, 20);
    assertThat(admin().setDeviceFault("pixel", short20).rules())
        .containsExactly(unavailable, slow, short20.forDevice("pixel"));
    assertThat(admin().setDeviceFault("pixel", null).rules()).containsExactly(unavailable, slow);

    assertThat(admin().clearFaults()).isEqualTo(FaultPlan.none());
    assertThat(admin().faults().rules()).isEmpty();
  }

  @Test
  void theClockMovesChangesSpeedAndResets() {
    assertThat(admin().setClock(new ClockChange(false, 120L, null)).offsetSeconds()).isEqualTo(120);
    assertThat(admin().clock().offsetSeconds()).isEqualTo(120);
    assertThat(admin().setClock(new ClockChange(false, null, 2.0)).speed()).isEqualTo(2.0);
    SandboxAdmin.ClockView reset = admin().setClock(new ClockChange(true, null, null));
    assertThat(reset.offsetSeconds()).isZero();
    assertThat(reset.speed()).isEqualTo(1.0);
  }

  @Test
  void refusalsNameTheFieldAndTheRuleWithTheApiStatus() {
    assertThatThrownBy(() -> admin().setClock(new ClockChange(false, null, 1e9)))
        .isInstanceOfSatisfying(
            AdminException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.field()).isEqualTo("speed");
              assertThat(e.getMessage()).contains("must be a number in 0..100000");
            });
    assertThatThrownBy(() -> admin().setClock(new ClockChange(false, 99_999_999L, null)))
        .isInstanceOfSatisfying(
            AdminException.class, e -> assertThat(e.field()).isEqualTo("offsetSeconds"));
    assertThatThrownBy(() -> admin().command("ghost", DeviceCommand.JOIN, CommandArgs.NONE))
        .isInstanceOfSatisfying(
            AdminException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.error()).isEqualTo("unknown_device");
              assertThat(e.getMessage()).contains("ghost");
            });
  }

  @Test
  void theJournalTheTokenHistoryAndTheWorkspaceKeepSecretsOut() {
    String fetched =
        backend
            .client
            .shengwangRtc(RtcTokenQuery.uid("lab", 1, true, 600), null)
            .successValue()
            .orElseThrow()
            .fingerprint();
    SandboxAdmin.JournalPage page = admin().journal(1);
    assertThat(page.capacity()).isPositive();
    assertThat(page.entries()).hasSize(1);
    JournalEntry entry = page.entries().get(0);
    assertThat(entry.route()).isEqualTo("agora.rtc");
    assertThat(entry.tokenIds()).containsExactly(fetched);
    assertThat(entry.at()).isNotNull();
    assertThat(admin().tokens()).extracting(r -> r.id()).containsExactly(fetched);

    SandboxAdmin.WorkspaceView workspace = admin().workspace();
    assertThat(workspace.appId()).isEqualTo(LiveBackend.WORKSPACE.appId());
    assertThat(workspace.appCertificate())
        .endsWith("(redacted)")
        .doesNotContain(LiveBackend.WORKSPACE.appCertificate());
    assertThat(admin().reveal(Long.MAX_VALUE)).isEmpty();

    admin().clearJournal();
    assertThat(admin().journal(10).entries()).extracting(JournalEntry::route).isEmpty();
  }

  @Test
  void aSubscriberHearsEveryLaterRequestUntilItUnsubscribes() throws InterruptedException {
    BlockingQueue<JournalEntry> heard = new LinkedBlockingQueue<>();
    Runnable unsubscribe = admin().subscribeJournal(heard::add, gaps -> {});
    try {
      backend.client.shengwangRtc(RtcTokenQuery.uid("lab", 7, true, 600), null);
      JournalEntry entry = next(heard, e -> "agora.rtc".equals(e.route()));
      assertThat(entry.status()).isEqualTo(200);
      assertThat(entry.tokenIds()).hasSize(1);
      assertThat(entry.responseBody()).doesNotContain("007eJ"); // redacted as everywhere
    } finally {
      unsubscribe.run();
    }
  }

  @Test
  void aSubscriptionIsLiveWhenItReturns() throws InterruptedException {
    BlockingQueue<JournalEntry> heard = new LinkedBlockingQueue<>();
    Runnable unsubscribe = admin().subscribeJournal(heard::add, gaps -> {});
    try {
      backend.client.shengwangRtc(RtcTokenQuery.uid("lab", 3, true, 600), null); // the next one
      assertThat(next(heard, e -> true).route()).isEqualTo("agora.rtc");
    } finally {
      unsubscribe.run();
    }
    heard.clear();
    backend.client.shengwangRtc(RtcTokenQuery.uid("lab", 4, true, 600), null);
    assertThat(admin().journal(1).entries())
        .extracting(JournalEntry::route)
        .containsExactly("agora.rtc");
    assertThat(heard.poll(200, TimeUnit.MILLISECONDS)).as("heard after unsubscribing").isNull();
  }

  @Test
  void pairedDevicesAreListedFollowedAndCommanded() throws InterruptedException {
    BlockingQueue<Device> changes = new LinkedBlockingQueue<>();
    Runnable unsubscribe = admin().subscribeDevices(changes::add);
    BlockingQueue<ControlChannel.Command> commands = new LinkedBlockingQueue<>();
    try {
      channel =
          ControlChannel.builder(backend.server.url(), "pixel-7", deviceClock)
              .name("Pixel 7")
              .platform("Android 14")
              .backoff(new Backoff(Duration.ofMillis(100), 2, Duration.ofMillis(400), 0, 1))
              .random(new Random(1))
              .listener(ControlChannel.listener((s, detail) -> {}, commands::add))
              .build();
      deviceClock.schedule(deviceClock.now(), channel::start);

      Device seen = next(changes, d -> d.connected() && d.name().equals("Pixel 7"));
      assertThat(seen.name()).isEqualTo("Pixel 7");
      assertThat(admin().devices()).extracting(Device::id).contains("pixel-7");
      assertThat(admin().device("pixel-7")).map(Device::platform).contains("Android 14");
      assertThat(admin().device("ghost")).isEmpty();

      SandboxAdmin.CommandReceipt join =
          admin().command("pixel-7", DeviceCommand.JOIN, CommandArgs.NONE);
      assertThat(join.delivered()).isTrue();
      assertThat(join.command()).isEqualTo(DeviceCommand.JOIN);
      assertThat(commands.poll(10, TimeUnit.SECONDS)).isNotNull();

      SandboxAdmin.CommandReceipt fault =
          admin()
              .command("pixel-7", DeviceCommand.SET_FAULT, CommandArgs.fault("SHORT_LIFETIME", 20));
      assertThat(fault.applied()).isEqualTo("SHORT_LIFETIME 20");
      assertThat(admin().faults().rules())
          .containsExactly(FaultRule.always("*", Fault.SHORT_LIFETIME, 20).forDevice("pixel-7"));
    } finally {
      unsubscribe.run();
    }
  }

  private static <T> T next(BlockingQueue<T> queue, Predicate<T> wanted)
      throws InterruptedException {
    for (T t = queue.poll(10, TimeUnit.SECONDS); t != null; t = queue.poll(10, TimeUnit.SECONDS)) {
      if (wanted.test(t)) {
        return t;
      }
    }
    throw new AssertionError("nothing wanted arrived within 10 s");
  }
}
