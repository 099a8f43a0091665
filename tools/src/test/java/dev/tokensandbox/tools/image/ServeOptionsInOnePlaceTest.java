package dev.tokensandbox.tools.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code serve}'s JVM options live in one place, {@code bin/serve.jvm-options}: both launchers read
 * it and spell no option of their own, and the image's Jib configuration lists exactly its flags
 * (plus native-heap trimming, which {@code bin/.launch} adds where the JDK has it).
 */
class ServeOptionsInOnePlaceTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String TRIM = "-XX:TrimNativeHeapInterval=5000";

  @Test
  void theLaunchersAndTheImageUseTheOneListOfServeOptions() throws Exception {
    List<String> options =
        Arrays.asList(
            Files.readAllLines(ROOT.resolve("bin/serve.jvm-options")).get(0).strip().split("\\s+"));
    assertThat(options).contains("-Xmx256m", "-XX:+ExitOnOutOfMemoryError");

    String unix = Files.readString(ROOT.resolve("bin/token-sandbox"));
    String windows = Files.readString(ROOT.resolve("bin/token-sandbox.cmd"));
    assertThat(unix).contains("bin/serve.jvm-options");
    assertThat(windows).contains("bin\\serve.jvm-options");
    for (String option : options) {
      assertThat(unix).as("bin/token-sandbox spells " + option).doesNotContain(option + " ");
      assertThat(windows).as("the .cmd spells " + option).doesNotContain(option + " ");
    }

    List<String> image = new ArrayList<>();
    Matcher flag =
        Pattern.compile("<jvmFlag>([^<]+)</jvmFlag>")
            .matcher(Files.readString(ROOT.resolve("tools/pom.xml")));
    while (flag.find()) {
      image.add(flag.group(1).strip());
    }
    assertThat(image).as("Jib's jvmFlags").containsExactlyElementsOf(with(options, TRIM));
  }

  private static List<String> with(List<String> options, String extra) {
    List<String> out = new ArrayList<>(options);
    out.add(extra);
    return out;
  }
}
