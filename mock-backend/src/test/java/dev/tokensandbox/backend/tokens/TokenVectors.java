package dev.tokensandbox.backend.tokens;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Reads the tab-separated vector files under {@code src/test/resources/vectors}. */
final class TokenVectors {
  private TokenVectors() {}

  static List<String[]> read(String name) {
    try (InputStream in = TokenVectors.class.getResourceAsStream("/vectors/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing vector file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\t", -1))
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String describe(String[] row) {
    return Arrays.toString(row);
  }
}
