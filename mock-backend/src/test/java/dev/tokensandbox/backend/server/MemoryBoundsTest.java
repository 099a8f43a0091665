package dev.tokensandbox.backend.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.provider.ChatSdkProvider;
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
}
