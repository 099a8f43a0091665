package dev.tokensandbox.desktop.traffic;

import static dev.tokensandbox.desktop.testing.SandboxUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.desktop.testing.SandboxTest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The Traffic screen as the window wires it, over a real backend: a real request's token is
 * redacted in the journal, Reveal shows it, and leaving the screen hides it again.
 */
class TrafficScreenTest extends SandboxTest {
  private final OkHttpClient http = new OkHttpClient();

  private String get(String path) throws Exception {
    try (Response response =
        http.newCall(new Request.Builder().url(sut.url() + path).build()).execute()) {
      return response.body().string();
    }
  }

  @Test
  void revealedSecretsAreHiddenWhenTheScreenIsLeft() throws Exception {
    TrafficViewModel model = sut.sandbox.traffic;
    String token = get("/api/agora/token?channelName=a&uid=1");
    await("the entry", () -> ui.call(() -> model.visible().size()) == 1);
    ui.run(
        () -> {
          sut.sandbox.shell.screenProperty().set(dev.tokensandbox.desktop.shell.Screen.TRAFFIC);
          model.selectedProperty().set(model.visible().get(0));
          model.reveal();
        });
    assertThat(ui.call(() -> model.detailProperty().get())).contains(token);
    ui.run(() -> sut.sandbox.shell.screenProperty().set(dev.tokensandbox.desktop.shell.Screen.LAB));
    assertThat(ui.call(() -> model.revealedProperty().get())).isFalse();
    assertThat(ui.call(() -> model.detailProperty().get())).doesNotContain(token);
  }

  @Test
  void aRealRequestIsRedactedUntilRevealed() throws Exception {
    TrafficViewModel model = sut.sandbox.traffic;
    String token = get("/api/agora/token?channelName=a&uid=1");
    await("the entry", () -> ui.call(() -> model.visible().size()) == 1);
    ui.run(() -> model.selectedProperty().set(model.visible().get(0)));
    assertThat(ui.call(() -> model.detailProperty().get()))
        .doesNotContain(token)
        .contains("«token tok:", "Reveal shows");
    ui.run(model::reveal);
    assertThat(ui.call(() -> model.detailProperty().get())).contains(token, "REVEALED");
  }
}
