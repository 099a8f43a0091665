package dev.tokensandbox.client.porting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code written against the sandbox's engine compiles against the real SDK with only its imports
 * changed: the porting sample is compiled as it is (against the sandbox's classes) and with its
 * {@code dev.tokensandbox.client.rtc2} imports turned into {@code io.agora.rtc2} (against the
 * compile-only stub of the SDK in {@code src/test/sdk-stub}, written from Agora's API reference).
 */
class PortingSampleCompilesTest {
  static final Path SAMPLE =
      Paths.get("src/main/java/dev/tokensandbox/client/porting/TokenRenewal.java");

  @Test
  void theSampleImportsNothingOfTheSandboxButItsSdkShapedApi() throws IOException {
    List<String> imports =
        Files.readAllLines(SAMPLE).stream().filter(l -> l.startsWith("import ")).toList();
    assertThat(imports)
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).startsWith("import dev.tokensandbox.client.rtc2."));
  }

  @Test
  void compilesAgainstTheSandboxAsItIs(@TempDir Path out) throws IOException {
    Path copy = out.resolve("src/dev/tokensandbox/client/porting/TokenRenewal.java");
    Files.createDirectories(copy.getParent());
    Files.copy(SAMPLE, copy);
    Javac.Result r = Javac.compile(List.of(copy), List.of(Paths.get("target/classes")), out);
    assertThat(r.ok()).as(r.diagnostics()).isTrue();
  }

  @Test
  void compilesAgainstTheSdkWithOnlyItsImportsChanged(@TempDir Path out) throws IOException {
    String source = Files.readString(SAMPLE);
    String ported = source.replace("import dev.tokensandbox.client.rtc2.", "import io.agora.rtc2.");
    assertThat(diffOutsideImports(source, ported)).isEmpty();
    Path copy = out.resolve("src/dev/tokensandbox/client/porting/TokenRenewal.java");
    Files.createDirectories(copy.getParent());
    Files.writeString(copy, ported);
    List<Path> sources = Javac.sources(Paths.get("src/test/sdk-stub"));
    sources.add(copy);
    // No sandbox class on the class path: the stub is all there is.
    Javac.Result r = Javac.compile(sources, List.of(), out);
    assertThat(r.ok()).as(r.diagnostics()).isTrue();
  }

  @Test
  void theStubCatchesASampleThatUsesTheSandboxsOwnApi(@TempDir Path out) throws IOException {
    // The check can fail: a call the SDK does not have (the sandbox's expireNow) does not compile.
    String ported =
        Files.readString(SAMPLE)
            .replace("import dev.tokensandbox.client.rtc2.", "import io.agora.rtc2.")
            .replace("return engine.leaveChannel();", "return engine.expireNow();");
    Path copy = out.resolve("src/dev/tokensandbox/client/porting/TokenRenewal.java");
    Files.createDirectories(copy.getParent());
    Files.writeString(copy, ported);
    List<Path> sources = Javac.sources(Paths.get("src/test/sdk-stub"));
    sources.add(copy);
    Javac.Result r = Javac.compile(sources, List.of(), out);
    assertThat(r.ok()).isFalse();
    assertThat(r.diagnostics()).contains("expireNow");
  }

  private static String diffOutsideImports(String a, String b) {
    Pattern imports = Pattern.compile("(?m)^import [^;]+;$");
    Matcher ma = imports.matcher(a);
    Matcher mb = imports.matcher(b);
    String restA = ma.replaceAll("");
    String restB = mb.replaceAll("");
    return restA.equals(restB) ? "" : "the sample changed outside its imports";
  }
}
