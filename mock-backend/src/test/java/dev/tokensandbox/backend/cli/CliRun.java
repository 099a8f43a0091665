package dev.tokensandbox.backend.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;

/** Runs {@link Main} in-process with captured output, a fixed clock and a seeded random. */
record CliRun(int exit, String out, String err) {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  static CliRun run(Path home, Map<String, String> env, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new PrintWriter(out),
            new PrintWriter(err),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            env,
            home,
            Clock.fixed(NOW, ZoneOffset.UTC),
            new Random(7));
    int exit = Main.run(args, context);
    return new CliRun(exit, out.toString(), err.toString());
  }

  static CliRun run(Path home, String... args) {
    return run(home, Map.of(), "", args);
  }
}
