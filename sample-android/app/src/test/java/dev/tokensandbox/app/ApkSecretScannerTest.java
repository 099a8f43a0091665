package dev.tokensandbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner finds what it must, in compressed entries too, and stays quiet on clean input. */
class ApkSecretScannerTest {
  @TempDir Path dir;

  private Path zip(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    try (ZipOutputStream out = new ZipOutputStream(java.nio.file.Files.newOutputStream(file))) {
      out.putNextEntry(new ZipEntry("classes.dex"));
      out.write(("dex\n035\0" + content).getBytes(StandardCharsets.ISO_8859_1));
      out.closeEntry();
    }
    return file;
  }

  @Test
  void findsConfiguredSecretsAndKeyShapes() throws Exception {
    String certificate = "5cfd2fd1755d40ecb72977518be15d3b";
    Path apk =
        zip(
            "bad.apk",
            "xx rn_sk_test_00112233445566778899 yy "
                + certificate
                + " chatsdk_0123456789abcdef0123456789abcdef");

    List<String> findings = ApkSecretScanner.scan(apk, List.of(certificate));

    assertThat(findings).hasSize(3).allMatch(f -> f.startsWith("classes.dex: "));
    assertThat(String.join("\n", findings)).doesNotContain(certificate);
  }

  @Test
  void aCleanApkHasNoFindings() throws Exception {
    Path apk = zip("clean.apk", "okhttp3 tok:1a2b3c4d X-Sandbox-Device http://10.0.2.2:8080");
    assertThat(ApkSecretScanner.scan(apk, List.of("5cfd2fd1755d40ecb72977518be15d3b"))).isEmpty();
  }
}
