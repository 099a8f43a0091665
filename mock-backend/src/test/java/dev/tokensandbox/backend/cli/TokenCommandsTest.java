package dev.tokensandbox.backend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code issue}'s reproducible and multi-service tokens and {@code decode}'s gate, diff and 006
 * account guess, through the command line.
 */
class TokenCommandsTest {
  private static final String APP_ID = "970ca35de60c44645bbae8a215061b33";
  private static final String CERT = "5cfd2fd1755d40ecb72977518be15d3b";
  private static final Map<String, String> ENV =
      Map.of("SHENGWANG_APP_ID", APP_ID, "SHENGWANG_APP_CERTIFICATE", CERT);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @Test
  void issuedAtAndSaltReproduceATokenByteForByte() throws Exception {
    String[] args = {
      "issue",
      "rtc",
      "--channel",
      "test",
      "--uid",
      "12345",
      "--issued-at",
      "1764000000",
      "--salt",
      "7"
    };
    CliRun first = run(args);
    CliRun second = run(args);
    CliRun iso =
        run(
            "issue",
            "rtc",
            "--channel",
            "test",
            "--uid",
            "12345",
            "--issued-at",
            "2025-11-24T16:00:00Z",
            "--salt",
            "7");

    assertThat(first.exit()).isZero();
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(iso.out()).isEqualTo(first.out());
    // The same token fixed in vectors/issued-tokens.tsv (rtc-uid-publisher).
    assertThat(first.out().strip()).startsWith("007eJxTYLA6KyjadutqQa1LdOV5gVjPxus3q67u");
    JsonNode json =
        JSON.readTree(
            run("issue", "rtc", "--channel", "t", "--uid", "1", "--salt", "99", "--json").out());
    assertThat(json.path("salt").asLong()).isEqualTo(99);
  }

  @Test
  void theDefaultSaltIsDrawnAsTheOfficialBuildersDrawIt() throws Exception {
    for (int i = 0; i < 20; i++) {
      CliRun issued = CliRun.run(home, ENV, "", "issue", "rtm", "--user", "u" + i, "--json");
      long salt = JSON.readTree(issued.out()).path("salt").asLong();
      assertThat(salt).isBetween(1L, 99_999_999L);
    }
  }

  @Test
  void reproducibleOptionsAreCheckedWithTheOptionNamed() {
    CliRun badTime = run("issue", "rtm", "--user", "a", "--issued-at", "yesterday");
    CliRun badSalt = run("issue", "rtm", "--user", "a", "--salt", "0");
    CliRun jwtSalt = run("issue", "jwt", "--sub", "a", "--salt", "5");

    assertThat(badTime.exit()).isEqualTo(2);
    assertThat(badTime.err()).startsWith("error: --issued-at: must be Unix seconds");
    assertThat(badSalt.exit()).isEqualTo(2);
    assertThat(badSalt.err()).startsWith("error: --salt: must be 1..4294967295");
    assertThat(jwtSalt.exit()).isEqualTo(2);
    assertThat(jwtSalt.err()).contains("--salt: applies to Agora tokens, not to a JWT");
  }

  @Test
  void multiServiceApaasAndFpaTokensIssueAndVerify() throws Exception {
    assertServices(
        run("issue", "rtc", "--channel", "c", "--account", "alice", "--with-rtm"), "rtc", "rtm");
    JsonNode rtm2 =
        decoded(
            run(
                "issue",
                "rtc",
                "--channel",
                "c",
                "--uid",
                "7",
                "--with-rtm",
                "--rtm-user",
                "bob",
                "--rtm-expire",
                "600"));
    assertThat(find(rtm2, "services.rtm.userId").path("raw").asText()).isEqualTo("bob");
    assertThat(find(rtm2, "services.rtm.privileges.login").path("raw").asText()).isEqualTo("600");
    assertServices(
        run("issue", "apaas-room", "--room", "r1", "--user", "u1", "--role", "2"),
        "rtm",
        "chat",
        "apaas");
    assertServices(run("issue", "apaas-user", "--user", "u1"), "apaas");
    assertServices(run("issue", "apaas-app"), "apaas");
    JsonNode fpa = decoded(run("issue", "fpa"));
    assertThat(find(fpa, "expire").path("raw").asText()).isEqualTo("86400");
    assertThat(fpa.path("lint")).isEmpty();
  }

  @Test
  void withRtmOptionsNeedWithRtm() {
    CliRun run = run("issue", "rtc", "--channel", "c", "--rtm-user", "x");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("error: --rtm-user: needs --with-rtm\n");
  }

  @Test
  void bareIssueIsAUsageError() {
    CliRun run = run("issue");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("missing token kind: rtc, rtm", "apaas-room", "fpa");
  }

  @Test
  void requireValidGatesOnTheSignatureAndOnLintErrors() {
    String token = run("issue", "rtc", "--channel", "c", "--uid", "1").out().strip();
    String expired =
        run("issue", "rtc", "--channel", "c", "--uid", "1", "--issued-at", "1700000000")
            .out()
            .strip();

    CliRun valid = CliRun.run(home, ENV, "", "decode", token, "--require-valid");
    CliRun unverified = CliRun.run(home, "decode", token, "--require-valid");
    CliRun wrong =
        CliRun.run(home, "decode", token, "--require-valid", "--certificate", "0".repeat(32));
    CliRun lintError = CliRun.run(home, ENV, "", "decode", expired, "--require-valid");
    CliRun notGated = CliRun.run(home, "decode", token);

    assertThat(valid.exit()).isZero();
    assertThat(unverified.exit()).isEqualTo(1);
    assertThat(unverified.err()).startsWith("not valid: signature NOT_VERIFIED");
    assertThat(wrong.exit()).isEqualTo(1);
    assertThat(wrong.err()).startsWith("not valid: signature INVALID");
    assertThat(lintError.exit()).isEqualTo(1);
    assertThat(lintError.err()).isEqualTo("not valid: lint error TOKEN_EXPIRED\n");
    assertThat(notGated.exit()).isZero();
  }

  @Test
  void algNoneFailsTheGate() {
    String none =
        b64("{\"alg\":\"none\",\"typ\":\"JWT\"}")
            + "."
            + b64("{\"sub\":\"x\",\"exp\":9999999999}")
            + ".";
    CliRun run = CliRun.run(home, "decode", none + "c2ln", "--require-valid");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("JWT_ALG_NONE");
  }

  @Test
  void diffExplainsARenewalForAnotherUid() throws Exception {
    String joined = run("issue", "rtc", "--channel", "room", "--uid", "12345").out().strip();
    String renewed = run("issue", "rtc", "--channel", "room", "--uid", "0").out().strip();

    CliRun human = CliRun.run(home, "decode", joined, "--diff", renewed);
    CliRun json = CliRun.run(home, "decode", joined, "--diff", renewed, "--json");

    assertThat(human.exit()).isZero();
    assertThat(human.out())
        .contains("≠ rtc.uid")
        .contains(
            "the second token is for uid 0 (wildcard), the first for uid 12345: renewToken with"
                + " it fails with 110 / INVALID_TOKEN");
    JsonNode diff = JSON.readTree(json.out()).path("diff");
    List<String> differing = new ArrayList<>();
    diff.path("fields")
        .forEach(
            row -> {
              if (row.path("differs").asBoolean()) {
                differing.add(row.path("field").asText());
              }
            });
    // CliRun's seeded random gives both tokens the same salt: only the uid (and so the
    // signature) differ.
    assertThat(differing).containsExactly("rtc.uid", "signature");
    CliRun garbage = CliRun.run(home, "decode", joined, "--diff", "nope");
    assertThat(garbage.exit()).isEqualTo(2);
    assertThat(garbage.err()).startsWith("error: --diff: the second token does not decode:");
  }

  @Test
  void legacyAccountZeroIsVerifiedAsTheAccountAndUidZeroAsTheWildcard() {
    String account0 =
        run("issue", "rtc", "--legacy", "--channel", "c", "--account", "0").out().strip();
    String uid0 = run("issue", "rtc", "--legacy", "--channel", "c", "--uid", "0").out().strip();

    assertThat(account0).isNotEqualTo(uid0);
    assertThat(verdict(account0, "--channel", "c", "--account", "0")).startsWith("VALID");
    assertThat(verdict(account0, "--channel", "c", "--uid", "0")).startsWith("NOT_VERIFIED");
    assertThat(verdict(uid0, "--channel", "c", "--uid", "0")).startsWith("VALID");
    assertThat(verdict(uid0, "--channel", "c", "--account", "0")).startsWith("NOT_VERIFIED");
  }

  @Test
  void legacyOnlyOptionsAreRefusedForOtherFormats() {
    String token = run("issue", "rtc", "--channel", "c", "--uid", "1").out().strip();

    CliRun run = CliRun.run(home, "decode", token, "--channel", "c");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("error: --channel applies to 006 tokens only")
        .contains("this is AccessToken2 (007)");
    assertThat(CliRun.run(home, "decode", token, "--uid", "1", "--account", "a").exit())
        .isEqualTo(2);
  }

  @Test
  void anAccountNamedZeroIsLintedAsSuchNotAsTheWildcard() throws Exception {
    JsonNode report = decoded(run("issue", "rtc", "--channel", "c", "--account", "0"));

    assertThat(report.path("lint").findValuesAsText("code"))
        .contains("ACCOUNT_ZERO")
        .doesNotContain("WILDCARD_UID");
    assertThat(find(report, "services.rtc.uid").path("human").asText())
        .contains("user account \"0\", not the wildcard");
  }

  private String verdict(String token, String... guess) {
    List<String> args = new ArrayList<>(List.of("decode", token, "--json"));
    args.addAll(List.of(guess));
    CliRun run = CliRun.run(home, ENV, "", args.toArray(String[]::new));
    try {
      JsonNode v = JSON.readTree(run.out()).path("verification");
      return v.path("verdict").asText() + " " + v.path("detail").asText();
    } catch (java.io.IOException e) {
      throw new AssertionError(run.err(), e);
    }
  }

  private void assertServices(CliRun issued, String... names) throws Exception {
    JsonNode report = decoded(issued);
    List<String> keys = new ArrayList<>();
    find(report, "services").path("children").forEach(s -> keys.add(s.path("key").asText()));
    assertThat(keys).containsExactly(names);
    assertThat(report.path("verification").path("verdict").asText()).isEqualTo("VALID");
  }

  private JsonNode decoded(CliRun issued) throws Exception {
    assertThat(issued.exit()).as(issued.err()).isZero();
    CliRun decoded = CliRun.run(home, ENV, "", "decode", issued.out().strip(), "--json");
    assertThat(decoded.exit()).as(decoded.err()).isZero();
    return JSON.readTree(decoded.out());
  }

  /** A field of a decode report by dotted key path. */
  private static JsonNode find(JsonNode report, String path) {
    JsonNode level = report.path("fields");
    JsonNode found = null;
    for (String key : path.split("\\.")) {
      found = null;
      for (JsonNode field : level) {
        if (field.path("key").asText().equals(key)) {
          found = field;
        }
      }
      if (found == null) {
        throw new AssertionError("no field " + path + " in " + report);
      }
      level = found.path("children");
    }
    return found;
  }

  private CliRun run(String... args) {
    return CliRun.run(home, ENV, "", args);
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
