package dev.tokensandbox.tools.check;

import dev.tokensandbox.tools.check.CheckStep.Finding;
import dev.tokensandbox.tools.report.Html;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a check found: every step with its request and findings, as text, HTML and JUnit XML. */
public record CheckReport(CheckTarget target, Instant at, List<CheckStep> steps) {

  public CheckReport {
    steps = List.copyOf(steps);
  }

  public int findings() {
    return steps.stream().mapToInt(s -> s.findings().size()).sum();
  }

  public boolean clean() {
    return findings() == 0;
  }

  /** The terminal report: ✓ / ✗ / – per step, each finding with its fix, then a summary line. */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append("Checking ").append(target).append(" against the seed contract\n");
    for (CheckStep s : steps) {
      String mark = s.skipped() ? "–" : s.passed() ? "✓" : "✗";
      out.append(mark).append(' ').append(s.name());
      if (!s.request().isEmpty()) {
        out.append("   ").append(s.request());
      }
      out.append('\n');
      if (s.skipped()) {
        out.append("    ").append(s.note()).append('\n');
      }
      for (Finding f : s.findings()) {
        out.append("    problem: ").append(f.problem()).append('\n');
        out.append("    fix:     ").append(f.fix()).append('\n');
      }
    }
    out.append(summary()).append('\n');
    return out.toString();
  }

  public String summary() {
    long failed = steps.stream().filter(s -> !s.passed()).count();
    long ran = steps.stream().filter(s -> !s.skipped()).count();
    return clean()
        ? "clean: "
            + ran
            + " checks passed"
            + (ran < steps.size() ? ", " + (steps.size() - ran) + " skipped" : "")
        : findings() + " finding(s) in " + failed + " of " + ran + " checks";
  }

  /** A stand-alone HTML page (no script, every text escaped). */
  public String html() {
    StringBuilder out = new StringBuilder();
    out.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Token server check</title><style>")
        .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1f2328}")
        .append("h1{font-size:20px}.step{margin:.6em 0;padding:.5em .8em;border-radius:6px;")
        .append("border:1px solid #d0d7de}.pass{border-left:4px solid #1a7f37}")
        .append(".fail{border-left:4px solid #cf222e}.skip{border-left:4px solid #8c959f}")
        .append("code{background:#f6f8fa;padding:0 .3em}.fix{color:#57606a}</style></head><body>")
        .append("<h1>")
        .append(Html.escape("Token server check: " + target))
        .append("</h1><p>")
        .append(Html.escape(at + " · " + summary()))
        .append("</p>");
    for (CheckStep s : steps) {
      String cls = s.skipped() ? "skip" : s.passed() ? "pass" : "fail";
      out.append("<div class=\"step ")
          .append(cls)
          .append("\"><b>")
          .append(s.skipped() ? "– " : s.passed() ? "✓ " : "✗ ")
          .append(Html.escape(s.name()))
          .append("</b>");
      if (!s.request().isEmpty()) {
        out.append(" <code>").append(Html.escape(s.request())).append("</code>");
      }
      if (s.skipped()) {
        out.append("<div class=\"fix\">").append(Html.escape(s.note())).append("</div>");
      }
      for (Finding f : s.findings()) {
        out.append("<div>")
            .append(Html.escape(f.problem()))
            .append("</div>")
            .append("<div class=\"fix\">Fix: ")
            .append(Html.escape(f.fix()))
            .append("</div>");
      }
      out.append("</div>");
    }
    return out.append("</body></html>\n").toString();
  }

  public void writeHtml(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, html(), StandardCharsets.UTF_8);
  }

  /** One test case per step: a failure per step with findings, skipped steps as skipped. */
  public void writeJUnit(Path file) throws IOException {
    List<JUnitXml.Case> cases = new ArrayList<>();
    for (CheckStep s : steps) {
      StringBuilder text = new StringBuilder();
      for (Finding f : s.findings()) {
        text.append(f.problem()).append("\n  fix: ").append(f.fix()).append('\n');
      }
      cases.add(
          new JUnitXml.Case(
              "token-sandbox.check." + target.flow().name().toLowerCase(java.util.Locale.ROOT),
              s.name(),
              0,
              s.passed() ? null : s.findings().get(0).problem(),
              text.toString(),
              s.skipped() ? s.note() : null,
              s.request()));
    }
    JUnitXml.write("token-sandbox check " + target.flow().label(), cases, file);
  }
}
