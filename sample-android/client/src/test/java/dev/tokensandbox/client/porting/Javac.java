package dev.tokensandbox.client.porting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** The JDK's compiler, in-process, for the porting tests. */
final class Javac {
  record Result(boolean ok, String diagnostics) {}

  private Javac() {}

  static List<Path> sources(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .collect(Collectors.toCollection(ArrayList::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compiles {@code sources} into {@code out/classes} with only {@code classPath} besides the JDK.
   */
  static Result compile(List<Path> sources, List<Path> classPath, Path out) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path classes = Files.createDirectories(out.resolve("classes"));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
      options.add("-classpath");
      options.add(
          classPath.stream()
              .map(Path::toString)
              .collect(Collectors.joining(java.io.File.pathSeparator)));
      boolean ok =
          javac
              .getTask(
                  null,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
      String text =
          diagnostics.getDiagnostics().stream()
              .map(d -> d.getKind() + " " + d.getMessage(Locale.ROOT))
              .collect(Collectors.joining("\n"));
      return new Result(ok, text);
    }
  }
}
