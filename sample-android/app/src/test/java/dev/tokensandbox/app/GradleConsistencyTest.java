package dev.tokensandbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The Gradle build for Android Studio (sample-android/*.gradle.kts) is not run here — the Android
 * Gradle Plugin cannot be downloaded on the build machines — so this test keeps it in step with the
 * verified Maven build: application id and namespace, SDK levels, version, dependency versions,
 * source folders, and the manifest that both use.
 */
class GradleConsistencyTest {
  private static final Path APP = Path.of(".");
  private static final Path ANDROID = Path.of("..");
  private static final Path ROOT = Path.of("../..");

  private static String read(Path file) throws Exception {
    return Files.readString(file);
  }

  private static String one(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("/" + regex + "/ in the build file").isTrue();
    return m.group(1);
  }

  private static String property(Document pom, String name) {
    return pom.getElementsByTagName(name).item(0).getTextContent().strip();
  }

  @Test
  void theAppsIdentitySdkLevelsAndVersionAgreeWithTheMavenBuild() throws Exception {
    String gradle = read(APP.resolve("build.gradle.kts"));
    // What the Maven build adds to the manifest (AGP does it from build.gradle.kts).
    String apk = read(APP.resolve("src/build/link-resources.sh"));
    Document pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(ROOT.resolve("pom.xml").toFile());

    String namespace = one(gradle, "namespace = \"([^\"]+)\"");
    assertThat(one(gradle, "applicationId = \"([^\"]+)\"")).isEqualTo(namespace);
    assertThat(one(apk, "namespace=(\\S+)")).isEqualTo(namespace);
    assertThat(MainActivity.class.getPackageName()).isEqualTo(namespace);

    String minSdk = one(gradle, "minSdk = (\\d+)");
    assertThat(one(apk, "--min-sdk-version (\\d+)")).isEqualTo(minSdk);
    assertThat(read(ANDROID.resolve("client/pom.xml"))).contains("android-api-level-" + minSdk);
    assertThat(one(apk, "--target-sdk-version (\\d+)"))
        .isEqualTo(one(gradle, "targetSdk = (\\d+)"));

    String version = property(pom, "version").replace("-SNAPSHOT", "");
    assertThat(one(gradle, "versionName = \"([^\"]+)\"")).isEqualTo(version);
    assertThat(one(apk, "android:versionName=\\\\\"([^\\\\\"]+)")).isEqualTo(version);
    assertThat(one(apk, "android:versionCode=\\\\\"(\\d+)"))
        .isEqualTo(one(gradle, "versionCode = (\\d+)"));
    assertThat(gradle).contains("isDebuggable = true");
    assertThat(apk).contains("android:debuggable=");
  }

  @Test
  void dependencyVersionsAndSourceFoldersAreTheMavenOnes() throws Exception {
    Document pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(ROOT.resolve("pom.xml").toFile());
    String client = read(ANDROID.resolve("client/build.gradle.kts"));
    assertThat(one(client, "com\\.squareup\\.okhttp3:okhttp:([^\"]+)\""))
        .isEqualTo(property(pom, "okhttp.version"));
    assertThat(one(client, "com\\.google\\.code\\.gson:gson:([^\"]+)\""))
        .isEqualTo(property(pom, "gson.version"));
    assertThat(client).contains("api(project(\":protocol\"))");

    String settings = read(ANDROID.resolve("settings.gradle.kts"));
    assertThat(settings).contains("include(\":protocol\", \":client\", \":app\")");
    Path protocol = ANDROID.resolve(one(settings, "projectDir = file\\(\"([^\"]+)\"\\)"));
    assertThat(protocol.resolve("src/main/java/dev/tokensandbox/protocol")).isDirectory();
    assertThat(protocol.resolve("build.gradle.kts")).exists();

    String app = read(APP.resolve("build.gradle.kts"));
    for (String folder :
        new String[] {
          one(app, "java\\.srcDirs\\(\"([^\"]+)\"\\)"), one(app, "res\\.srcDirs\\(\"([^\"]+)\"\\)")
        }) {
      assertThat(APP.resolve(folder)).isDirectory();
    }
    assertThat(APP.resolve(one(app, "manifest\\.srcFile\\(\"([^\"]+)\"\\)"))).exists();
    assertThat(ANDROID.resolve("gradle/wrapper/gradle-wrapper.properties")).exists();
  }

  @Test
  void theManifestLeavesIdentityAndSdkLevelsToTheBuild() throws Exception {
    String manifest = read(APP.resolve("src/main/AndroidManifest.xml"));
    assertThat(manifest).doesNotContain("package=", "<uses-sdk", "android:debuggable");
    assertThat(manifest).contains("@xml/network_security_config", "tokensandbox");
    assertThat(APP.resolve("src/main/res/xml/network_security_config.xml")).exists();
  }
}
