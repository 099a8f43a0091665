package dev.tokensandbox.backend.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's tokens, parsed and verified by Agora's official npm builder ({@code agora-token},
 * pinned in {@code tools/node-agora}, installed by {@code .ci/run} with {@code npm ci}): every
 * single- and multi-service shape the sandbox issues parses there with the same services and
 * fields, and its signature verifies with the certificate (and not with another). Skipped, with the
 * reason, where Node or the installed package is missing.
 */
class NodeCrossCheckTest {
  private static final Path TOOL = Path.of("..", "tools", "node-agora");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyShapeTheSandboxIssuesParsesAndVerifiesInTheOfficialNpmBuilder() throws Exception {
    assumeTrue(
        Files.isDirectory(TOOL.resolve("node_modules/agora-token")),
        "npm agora-token is not installed: run `npm ci --prefix tools/node-agora` (.ci/run does)");
    assumeTrue(hasNode(), "node is not on the PATH");
    AgoraTokenIssuer issuer =
        TestFixtures.issuer().reproducing(Instant.parse("2026-11-24T12:00:00Z"), 4_000_000_000L);
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put(
        "rtc",
        issuer
            .rtc(
                RtcTokenRequest.forRole(
                    "room", RtcUser.uid(4294967295L), RtcRole.PUBLISHER, 600, 300))
            .token());
    tokens.put(
        "rtc+rtm",
        issuer
            .rtcWithRtm(
                RtcTokenRequest.forRole(
                    "room", RtcUser.account("alice"), RtcRole.SUBSCRIBER, 600, 600),
                "alice-rtm",
                300)
            .token());
    tokens.put("rtm", issuer.rtm("alice", 600).token());
    tokens.put("chat-user", issuer.chatUser("bob", 600).token());
    tokens.put("chat-app", issuer.chatApp(600).token());
    tokens.put("apaas-room", issuer.apaasRoomUser("room-1", "user-1", (short) 2, 600).token());
    tokens.put("apaas-user", issuer.apaasUser("user-1", 600).token());
    tokens.put("apaas-app", issuer.apaasApp(600).token());
    tokens.put("fpa", issuer.fpa().token());

    JsonNode right = check(tokens.values(), TestFixtures.CERTIFICATE);
    JsonNode wrong = check(tokens.values(), TestFixtures.OTHER_CERTIFICATE);

    List<String> names = new ArrayList<>(tokens.keySet());
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      JsonNode official = right.get(i);
      assertThat(official.path("parsed").asBoolean()).as(name + " parsed").isTrue();
      assertThat(official.path("verified").asBoolean()).as(name + " verified").isTrue();
      assertThat(wrong.get(i).path("verified").asBoolean()).as(name + " other cert").isFalse();
      AccessToken2Info ours = TestFixtures.decodeAs(AccessToken2Info.class, tokens.get(name));
      assertThat(official.path("services")).as(name).hasSize(ours.services().size());
      for (int s = 0; s < ours.services().size(); s++) {
        ServiceInfo service = ours.services().get(s);
        JsonNode theirs = official.path("services").get(s);
        assertThat(theirs.path("type").asInt()).as(name).isEqualTo(service.type());
        List<String> values = new ArrayList<>();
        theirs.path("values").forEach(v -> values.add(v.asText()));
        if (service.type() == ServiceInfo.APAAS) {
          // The npm parser reads the role's int16 as unsigned (65535 for the default -1).
          values.set(2, Short.toString((short) Integer.parseInt(values.get(2))));
        }
        assertThat(values)
            .as(name + " fields")
            .containsExactlyElementsOf(service.fields().values());
        Map<String, Long> privileges = new LinkedHashMap<>();
        service.privileges().forEach(p -> privileges.put(Integer.toString(p.id()), p.expire()));
        Map<String, Long> theirPrivileges = new LinkedHashMap<>();
        theirs
            .path("privileges")
            .fields()
            .forEachRemaining(e -> theirPrivileges.put(e.getKey(), e.getValue().asLong()));
        assertThat(theirPrivileges).as(name + " privileges").isEqualTo(privileges);
      }
    }
  }

  private static JsonNode check(java.util.Collection<String> tokens, String certificate)
      throws IOException, InterruptedException {
    List<Map<String, String>> input = new ArrayList<>();
    tokens.forEach(t -> input.add(Map.of("token", t, "certificate", certificate)));
    Process node =
        new ProcessBuilder("node", "verify.js")
            .directory(TOOL.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    node.getOutputStream().write(JSON.writeValueAsBytes(input));
    node.getOutputStream().close();
    String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).isZero();
    return JSON.readTree(out);
  }

  private static boolean hasNode() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
