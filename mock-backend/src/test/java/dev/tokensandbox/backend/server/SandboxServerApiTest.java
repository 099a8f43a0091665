package dev.tokensandbox.backend.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code SandboxServer}'s public methods (and its builder's) are pinned in {@code
 * mock-backend/api/SandboxServer.txt}, as OkHttp pins its API: a change to them is a visible diff
 * of that file, and a hook only tests need stays package-private.
 */
class SandboxServerApiTest {
  private static final Path LISTING = Path.of("api/SandboxServer.txt");

  @Test
  void thePublicApiIsTheCheckedInListing() throws Exception {
    List<String> now =
        Stream.of(SandboxServer.class, SandboxServer.Builder.class)
            .flatMap(type -> Arrays.stream(type.getDeclaredMethods()).map(m -> line(type, m)))
            .filter(line -> line != null)
            .sorted()
            .toList();
    if (Boolean.getBoolean("api.update")) {
      Files.write(
          LISTING,
          now); // ./mvnw -pl mock-backend test -Dtest=SandboxServerApiTest -Dapi.update=true
    }
    assertThat(now)
        .as("public API of SandboxServer: update %s on purpose (-Dapi.update=true)", LISTING)
        .containsExactlyElementsOf(Files.readAllLines(LISTING));
  }

  private static String line(Class<?> type, Method m) {
    if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
      return null;
    }
    return type.getSimpleName()
        + (Modifier.isStatic(m.getModifiers()) ? " static " : " ")
        + m.getReturnType().getSimpleName()
        + " "
        + m.getName()
        + "("
        + String.join(", ", Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList())
        + ")";
  }
}
