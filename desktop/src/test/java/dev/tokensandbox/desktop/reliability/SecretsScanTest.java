package dev.tokensandbox.desktop.reliability;

import static dev.tokensandbox.desktop.testing.SandboxUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.desktop.testing.SandboxTest;
import dev.tokensandbox.protocol.Flow;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * One scan for every configured secret — the workspace's credentials, a session bearer and every
 * token issued — over everything the sandbox writes or serves: the traffic journal, every sandbox
 * API answer, the device registry, a scenario file, both bug-report formats and, when the build
 * made it, the Android APK. Zero hits.
 */
class SecretsScanTest extends SandboxTest {
  private final OkHttpClient http = new OkHttpClient();

  private String get(String path) throws Exception {
    try (Response r = http.newCall(new Request.Builder().url(sut.url() + path).build()).execute()) {
      return r.body().string();
    }
  }

  @Test
  void noSecretAppearsAnywhereTheSandboxWrites() throws Exception {
    List<String> secrets = new ArrayList<>(sut.sandbox.host().workspace().secrets());
    // Issue through every flow and run virtual devices, so there is something to leak.
    secrets.addAll(sut.issueEveryFlow(ui));
    for (Flow flow : Flow.values()) {
      ui.run(
          () -> {
            sut.sandbox.devices.newFlowProperty().set(flow);
            sut.sandbox.devices.add();
          });
    }
    await(
        "the devices' tokens",
        () ->
            ui.call(
                () ->
                    sut.sandbox.devices.rows().stream()
                        .allMatch(r -> r.tokenProperty().get().startsWith("tok:"))));
    assertThat(secrets).allMatch(s -> s.length() >= 16);
    sprinkle(secrets);

    Map<String, String> surfaces = new LinkedHashMap<>();
    for (String path :
        List.of(
            "/sandbox/journal?limit=1000",
            "/sandbox/health",
            "/sandbox/workspace",
            "/sandbox/settings",
            "/sandbox/faults",
            "/sandbox/clock",
            "/sandbox/tokens",
            "/sandbox/devices")) {
      surfaces.put(path, get(path));
    }
    Path scenario = home.resolve("scan/scenario.json");
    Path html = home.resolve("scan/report.html");
    Path json = home.resolve("scan/report.json");
    ui.run(
        () -> {
          sut.sandbox.scenarios.scenarioFileProperty().set(scenario.toString());
          sut.sandbox.scenarios.save();
        });
    await("the scenario", () -> Files.exists(scenario));
    for (Path report : List.of(html, json)) {
      await("idle", () -> ui.call(() -> !sut.sandbox.scenarios.busyProperty().get()));
      ui.run(
          () -> {
            sut.sandbox.scenarios.reportFileProperty().set(report.toString());
            sut.sandbox.scenarios.exportReport();
          });
      await(report.toString(), () -> Files.exists(report));
    }
    for (Path file : List.of(scenario, html, json)) {
      surfaces.put(file.getFileName().toString(), Files.readString(file));
    }
    Path apk = Path.of("../sample-android/app/target/sample-android-debug.apk");
    if (Files.isRegularFile(apk)) {
      surfaces.put("sample-android-debug.apk", apkText(apk));
    }

    assertThat(surfaces.get("/sandbox/journal?limit=1000")).contains("«token tok:");
    for (Map.Entry<String, String> surface : surfaces.entrySet()) {
      for (String secret : secrets) {
        assertThat(surface.getValue().contains(secret))
            .as("a secret (%d chars) in %s", secret.length(), surface.getKey())
            .isFalse();
      }
    }
  }

  /**
   * Sends each secret, chosen at random, in a random part of a request — path, query, header,
   * device name, JSON (with an escaped member name), form body — as a careless or hostile client
   * would, so the bug reports and exports below carry them if anything lets one through.
   */
  private void sprinkle(List<String> secrets) throws Exception {
    java.util.Random random = new java.util.Random(1612);
    okhttp3.MediaType json = okhttp3.MediaType.get("application/json");
    for (int i = 0; i < 60; i++) {
      String secret = secrets.get(random.nextInt(secrets.size()));
      String encoded = java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8);
      Request.Builder request =
          switch (i % 6) {
            case 0 ->
                new Request.Builder().url(sut.url() + "/rtc/" + encoded + "/publisher/uid/7/");
            case 1 ->
                new Request.Builder().url(sut.url() + "/api/agora/rtm-token?userId=" + encoded);
            case 2 ->
                new Request.Builder()
                    .url(sut.url() + "/ping")
                    .header("User-Agent", "probe " + secret)
                    .header("X-Sandbox-Device", secret);
            case 3 ->
                new Request.Builder()
                    .url(sut.url() + "/auth/login")
                    .post(
                        okhttp3.RequestBody.create(
                            "{\"username\":\"alice\",\"pass\\u0077ord\":\"" + secret + "\"}",
                            json));
            case 4 ->
                new Request.Builder()
                    .url(sut.url() + "/auth/login")
                    .post(
                        okhttp3.RequestBody.create(
                            "username=alice&password=" + encoded,
                            okhttp3.MediaType.get("application/x-www-form-urlencoded")));
            default ->
                new Request.Builder()
                    .url(sut.url() + "/ringnity/runtime-token")
                    .post(okhttp3.RequestBody.create("{\"userId\":\"" + secret + "\"}", json));
          };
      try (Response r = http.newCall(request.build()).execute()) {
        r.body().string();
      }
    }
  }

  /** Every entry of the APK, inflated, as one Latin-1 string (dex strings are plain bytes). */
  private static String apkText(Path apk) throws Exception {
    StringBuilder out = new StringBuilder();
    try (ZipFile zip = new ZipFile(apk.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          out.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
      }
    }
    return out.toString();
  }
}
