package dev.tokensandbox.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every module's main Java sources, line by line, for the rules that scan them. */
final class MainSources {
  static final List<String> MODULES =
      List.of(
          "mock-backend",
          "sample-android/client",
          "sample-android/app",
          "tools",
          "desktop",
          "junit",
          "benchmarks/jmh");

  /** One line of a source file, with where it is for the rule's message. */
  record Line(Path file, int number, String text) {
    @Override
    public String toString() {
      return ROOT.relativize(file) + ":" + number + ": " + text.strip();
    }
  }

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** Every line of every module's main sources; {@code files} counts the files read. */
  static List<Line> lines(int[] files) throws IOException {
    List<Line> out = new ArrayList<>();
    for (String module : MODULES) {
      try (Stream<Path> walk = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
        for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
          files[0]++;
          List<String> lines = Files.readAllLines(file);
          for (int i = 0; i < lines.size(); i++) {
            out.add(new Line(file, i + 1, lines.get(i)));
          }
        }
      }
    }
    return out;
  }

  private MainSources() {}
}
