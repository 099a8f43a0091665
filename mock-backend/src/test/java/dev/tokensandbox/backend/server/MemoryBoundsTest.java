package dev.tokensandbox.backend.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.internal.provider.ChatSdkProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stores a client fills are bounded by construction: ChatSDK users (count and {@code custom} size).
 * Each defence fails without its bound: 3,559 upserts with a 60 KB {@code custom} filled a 256 MB
 * heap before.
 */
class MemoryBoundsTest {
  private final ServerFixture sandbox = new ServerFixture();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void aHugeCustomObjectIsRefusedNamingTheField() {
    String key = ServerFixture.WORKSPACE.chatsdkApiKey();
    String big = "x".repeat(ChatSdkProvider.MAX_CUSTOM_BYTES);

    ServerFixture.Reply reply =
        sandbox.post(
            "/tokens",
            "{\"userId\":\"u\",\"custom\":{\"blob\":\"" + big + "\"}}",
            "X-API-Key",
            key);

    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.json().path("field").asText()).isEqualTo("custom");
    assertThat(reply.json().path("message").asText()).contains("at most 2048 bytes");
  }

  @Test
  void chatSdkUsersAreCappedOldestFirst() {
    String key = ServerFixture.WORKSPACE.chatsdkApiKey();
    for (int i = 0; i <= ChatSdkProvider.MAX_USERS; i++) {
      assertThat(
              sandbox.post("/tokens", "{\"userId\":\"user-" + i + "\"}", "X-API-Key", key).code())
          .isEqualTo(200);
    }

    assertThat(sandbox.server.chatSdkUsers()).isEqualTo(ChatSdkProvider.MAX_USERS);
  }

  @Test
  void journalAnswersAreBoundedWhateverTheBodiesHold() throws Exception {
    // Control characters became six-byte escapes in JSON: 1,000 such bodies made a 27.8 MB answer.
    byte[] body = new byte[8_000];
    java.util.Arrays.fill(body, (byte) 1);
    body[0] = '{';
    for (int i = 0; i < 300; i++) {
      sandbox.call(
          new okhttp3.Request.Builder()
              .url(sandbox.server.url() + "/ringnity/runtime-token")
              .post(okhttp3.RequestBody.create(body, okhttp3.MediaType.get("application/json"))));
    }

    ServerFixture.Reply page = sandbox.get("/sandbox/journal?limit=1000");

    assertThat(page.code()).isEqualTo(200);
    assertThat(page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(
            dev.tokensandbox.backend.internal.admin.SandboxApi.MAX_JOURNAL_ANSWER_BYTES + 256);
    com.fasterxml.jackson.databind.JsonNode json = page.json();
    assertThat(json.path("truncated").asBoolean()).isTrue();
    String kept = json.path("entries").get(0).path("requestBody").asText();
    assertThat(kept).contains("·").doesNotContain("\u0001").hasSizeLessThan(2100);
  }

  @Test
  void aRefusedBodyIsNotJournaled() {
    sandbox.call(
        new okhttp3.Request.Builder()
            .url(sandbox.server.url() + "/ringnity/runtime-token")
            .post(
                okhttp3.RequestBody.create(
                    "stolen-secret-in-a-text-plain-body", okhttp3.MediaType.get("text/plain"))));

    com.fasterxml.jackson.databind.JsonNode entry =
        sandbox.get("/sandbox/journal").json().path("entries").get(0);

    assertThat(entry.path("status").asInt()).isEqualTo(415);
    assertThat(entry.path("requestBody").asText())
        .isEqualTo("«body not kept: the request was refused (415)»");
  }
}
