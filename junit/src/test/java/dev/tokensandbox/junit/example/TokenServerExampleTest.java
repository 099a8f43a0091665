package dev.tokensandbox.junit.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.client.presets.PresetResult;
import dev.tokensandbox.junit.Sandbox;
import dev.tokensandbox.junit.SandboxTest;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What an integrator writes: the sandbox stands in for the customer backend their app calls. Here
 * the "app" is a few lines of {@link HttpClient}; in a real project it is the app's own token
 * client, pointed at {@code sandbox.baseUrl()}.
 */
@SandboxTest(seed = 7)
class TokenServerExampleTest {
  private final HttpClient http = HttpClient.newHttpClient();

  /** The app's token client: the seed's Shengwang route, as the app would call it. */
  private HttpResponse<String> fetchToken(Sandbox sandbox, String channel, int uid)
      throws IOException, InterruptedException {
    URI uri =
        URI.create(
            sandbox.baseUrl()
                + "/api/agora/token?channelName="
                + channel
                + "&uid="
                + uid
                + "&role=publisher&expireSeconds=600");
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theAppGetsAnAccessToken2(Sandbox sandbox) throws Exception {
    int issued = sandbox.admin().tokens().size(); // the history is kept across tests
    HttpResponse<String> answer = fetchToken(sandbox, "lab", 1001);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).startsWith("007");
    assertThat(sandbox.admin().tokens()).hasSize(issued + 1);
  }

  @Test
  void theAppSeesTheBackendFail(Sandbox sandbox) throws Exception {
    sandbox.admin().addFault(FaultRule.always("agora.rtc", Fault.STATUS, 503));

    assertThat(fetchToken(sandbox, "lab", 1001).statusCode()).isEqualTo(503);
  }

  @Test
  void faultsFromAnotherTestAreGone(Sandbox sandbox) throws Exception {
    assertThat(fetchToken(sandbox, "lab", 1001).statusCode()).isEqualTo(200);
  }

  @Test
  void aTokenExpiresWhenTheSandboxsTimeMoves(Sandbox sandbox) throws Exception {
    String token = fetchToken(sandbox, "lab", 1001).body();
    var who = dev.tokensandbox.client.backend.RtcTokenQuery.uid("lab", 1001, true, null);
    assertThat(sandbox.client().rtcJoin(token, who).successValue().orElseThrow().ok()).isTrue();

    sandbox.advance(Duration.ofMinutes(11));

    assertThat(sandbox.client().rtcJoin(token, who).successValue().orElseThrow().code())
        .isEqualTo(109);
  }

  @Test
  void aQaPresetReproducesTheBugAndMustKeepPassing(Sandbox sandbox) {
    PresetResult result = sandbox.runPreset("backend-down-backoff");

    assertThat(result.passed()).as(result.render()).isTrue();
  }
}
