package dev.tokensandbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.backend.workspace.WorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Runs after the APK is built (Maven's apk profile): it must exist, be a real APK, and hold no
 * server secret: none of this machine's workspace credentials, of the test workspaces', or anything
 * shaped like a provider key.
 */
class ApkSecretsIT {

  @Test
  void theDebugApkCarriesNoServerSecret() throws Exception {
    Path apk = Path.of(System.getProperty("apk", "target/sample-android-debug.apk"));
    assertThat(apk).as("the apk profile builds it before this test").isRegularFile();
    try (ZipFile zip = new ZipFile(apk.toFile())) {
      assertThat(zip.getEntry("classes.dex")).isNotNull();
      assertThat(zip.getEntry("AndroidManifest.xml")).isNotNull();
    }

    List<String> secrets = new ArrayList<>();
    secrets.addAll(Workspace.generate(new Random(7)).secrets());
    WorkspaceStore store =
        WorkspaceStore.locate(null, System.getenv(), Path.of(System.getProperty("user.home")));
    if (Files.isRegularFile(store.file())) {
      store.load().ifPresent(ws -> secrets.addAll(ws.secrets()));
    }

    assertThat(ApkSecretScanner.scan(apk, secrets)).isEmpty();
  }
}
