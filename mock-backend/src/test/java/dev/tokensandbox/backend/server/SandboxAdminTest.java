package dev.tokensandbox.backend.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensandbox.backend.internal.http.ApiError;
import dev.tokensandbox.protocol.DeviceCommand;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import dev.tokensandbox.protocol.admin.SandboxAdmin;
import dev.tokensandbox.protocol.admin.SandboxAdmin.ClockChange;
import dev.tokensandbox.protocol.admin.SandboxAdmin.CommandArgs;
import dev.tokensandbox.protocol.admin.SandboxAdmin.SettingsChange;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one admin interface (#17 §1): in-process calls and the HTTP adapter over them see the same
 * state and refuse the same input with the same field and rule.
 */
class SandboxAdminTest {
  private final ServerFixture sandbox = new ServerFixture();
  private final SandboxAdmin admin = sandbox.server.admin();

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void whatOneSideSetsTheOtherSees() {
    admin.setFaults(new FaultPlan(7, List.of(FaultRule.always("agora.*", Fault.STATUS, 503))));
    var overHttp = sandbox.get("/sandbox/faults").json();
    assertThat(overHttp.path("seed").asLong()).isEqualTo(7);
    assertThat(overHttp.path("rules").get(0).path("route").asText()).isEqualTo("agora.*");

    sandbox.put("/sandbox/settings", "{\"ginLegacyTokens\":true}");
    assertThat(admin.settings().ginLegacyTokens()).isTrue();
    admin.updateSettings(SettingsChange.ginLegacyTokens(false));
    assertThat(sandbox.get("/sandbox/settings").json().path("ginLegacyTokens").asBoolean())
        .isFalse();

    admin.setClock(new ClockChange(false, 3600L, null));
    assertThat(sandbox.get("/sandbox/clock").json().path("offsetSeconds").asLong()).isEqualTo(3600);
    assertThat(admin.clock().now()).isEqualTo(ServerFixture.START.plusSeconds(3600));
  }

  @Test
  void editsKeepTheRestOfThePlan() {
    admin.setFaults(
        new FaultPlan(
            9,
            List.of(
                FaultRule.always("*", Fault.LATENCY, 100),
                FaultRule.always("*", Fault.STATUS, 500).forDevice("a"))));

    admin.addFault(FaultRule.always("ringnity.*", Fault.SHORT_LIFETIME, 30));
    FaultPlan plan = admin.setDeviceFault("a", FaultRule.always("*", Fault.STATUS, 429));

    assertThat(plan.seed()).isEqualTo(9);
    assertThat(plan.rules())
        .extracting(r -> r.fault() + "/" + r.value() + "/" + r.device())
        .containsExactly("LATENCY/100/null", "SHORT_LIFETIME/30/null", "STATUS/429/a");
    assertThat(admin.setDeviceFault("a", null).rules()).hasSize(2);
    assertThat(admin.clearFaults().rules()).isEmpty();
  }

  @Test
  void deviceCommandsAreCheckedOnceForBothSides() {
    List<String> sent = new CopyOnWriteArrayList<>();
    sandbox.server.deviceRegistry().connected("pixel", "Pixel", "android", sent::add);

    var receipt = admin.command("pixel", DeviceCommand.SET_POLICY, CommandArgs.trigger("both"));
    assertThat(receipt.delivered()).isTrue();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0)).contains("\"command\":\"setPolicy\"", "\"trigger\":\"BOTH\"");

    assertThatThrownBy(
            () -> admin.command("pixel", DeviceCommand.SET_POLICY, CommandArgs.trigger("never")))
        .isInstanceOfSatisfying(
            ApiError.class, e -> assertThat(e.field()).isEqualTo("args.trigger"));
    var overHttp =
        sandbox.post(
            "/sandbox/devices/pixel/commands",
            "{\"command\":\"setPolicy\",\"args\":{\"trigger\":\"never\"}}");
    assertThat(overHttp.code()).isEqualTo(400);
    assertThat(overHttp.json().path("field").asText()).isEqualTo("args.trigger");

    assertThatThrownBy(() -> admin.command("ghost", DeviceCommand.JOIN, CommandArgs.NONE))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(sandbox.post("/sandbox/devices/ghost/commands", "{\"command\":\"join\"}").code())
        .isEqualTo(404);
  }

  @Test
  void aFaultForAnOfflineDeviceIsAppliedButOtherCommandsNeedItOnline() {
    dev.tokensandbox.backend.internal.devices.DeviceRegistry.Outlet outlet = json -> {};
    sandbox.server.deviceRegistry().connected("pixel", "Pixel", "android", outlet);
    sandbox.server.deviceRegistry().disconnected("pixel", outlet);

    var receipt = admin.command("pixel", DeviceCommand.SET_FAULT, CommandArgs.fault("STATUS", 503));
    assertThat(receipt.delivered()).isFalse();
    assertThat(receipt.applied()).isEqualTo("STATUS 503");
    assertThat(admin.faults().rules())
        .singleElement()
        .satisfies(r -> assertThat(r.device()).isEqualTo("pixel"));
    assertThat(admin.device("pixel").orElseThrow().fault()).isEqualTo("STATUS 503");

    assertThatThrownBy(() -> admin.command("pixel", DeviceCommand.JOIN, CommandArgs.NONE))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(409));
    assertThatThrownBy(
            () -> admin.command("pixel", DeviceCommand.SET_FAULT, CommandArgs.fault("STATUS", 1)))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.field()).isEqualTo("args.value"));
  }

  @Test
  void theWorkspaceIsMaskedOnBothSides() {
    String certificate = ServerFixture.WORKSPACE.appCertificate();
    assertThat(admin.workspace().appCertificate())
        .doesNotContain(certificate)
        .endsWith(certificate.substring(certificate.length() - 4) + " (redacted)");
    assertThat(sandbox.get("/sandbox/workspace").body()).doesNotContain(certificate);
  }
}
