package dev.tokensandbox.client.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.tokensandbox.client.admin.SandboxAdminClient.Rule;
import dev.tokensandbox.client.backend.Outcome;
import dev.tokensandbox.client.testing.LiveBackend;
import dev.tokensandbox.protocol.DeviceCommand;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin interface over HTTP, against a real sandbox: it changes what the server holds. */
class SandboxAdminClientTest {
  private final LiveBackend backend = new LiveBackend();
  private final SandboxAdminClient admin = new SandboxAdminClient(backend.client);

  @AfterEach
  void close() {
    backend.close();
  }

  @Test
  void setsAndClearsTheServersFaultPlan() {
    Outcome<JsonObject> set =
        admin.setFaults(
            5, Rule.always("agora.rtc", "STATUS", 503), Rule.always("*", "LATENCY", 10));
    assertThat(set).isInstanceOf(Outcome.Success.class);
    assertThat(backend.server.admin().faults().seed()).isEqualTo(5);
    assertThat(backend.server.admin().faults().rules()).hasSize(2);

    assertThat(admin.clearFaults()).isInstanceOf(Outcome.Success.class);
    assertThat(backend.server.admin().faults().rules()).isEmpty();
  }

  @Test
  void changesSettingsAndTheClock() {
    admin.setGinLegacyTokens(true);
    assertThat(backend.server.admin().settings().ginLegacyTokens()).isTrue();
    Outcome<JsonObject> settings = admin.settings();
    assertThat(
            ((Outcome.Success<JsonObject>) settings).value().get("ginLegacyTokens").getAsBoolean())
        .isTrue();

    admin.setClockOffset(120);
    assertThat(backend.server.admin().clock().offsetSeconds()).isEqualTo(120);
    assertThat(
            ((Outcome.Success<JsonObject>) admin.clock()).value().get("offsetSeconds").getAsLong())
        .isEqualTo(120);
  }

  @Test
  void readsTheJournalTheTokenHistoryAndTheMaskedWorkspace() {
    backend.client.shengwangRtc(
        dev.tokensandbox.client.backend.RtcTokenQuery.uid("lab", 1, true, 600), null);
    JsonObject journal = ((Outcome.Success<JsonObject>) admin.journal(1)).value();
    assertThat(journal.getAsJsonArray("entries")).hasSize(1);
    assertThat(
            journal.getAsJsonArray("entries").get(0).getAsJsonObject().get("route").getAsString())
        .isEqualTo("agora.rtc");
    assertThat(((Outcome.Success<JsonObject>) admin.tokens()).value().getAsJsonArray("tokens"))
        .hasSize(1);
    String certificate = LiveBackend.WORKSPACE.appCertificate();
    assertThat(((Outcome.Success<JsonObject>) admin.workspace()).value().toString())
        .contains(LiveBackend.WORKSPACE.appId())
        .doesNotContain(certificate);
    assertThat(admin.clearJournal()).isInstanceOf(Outcome.Success.class);
    assertThat(backend.server.admin().journal(10).entries())
        .extracting(e -> e.route())
        .doesNotContain("agora.rtc");
  }

  @Test
  void refusalsArriveTypedWithTheFieldTheServerNamed() {
    Outcome<JsonObject> bad = admin.setFaults(0, Rule.always("*", "STATUS", 1));
    assertThat(bad)
        .isInstanceOfSatisfying(
            Outcome.ClientError.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.field()).isEqualTo("rules[0].value");
            });

    Outcome<JsonObject> ghost = admin.command("ghost", DeviceCommand.JOIN, Map.of());
    assertThat(ghost)
        .isInstanceOfSatisfying(
            Outcome.ClientError.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(admin.devices()).isInstanceOf(Outcome.Success.class);
  }
}
