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

  /** One cause with the first finding that showed it and every check where it showed. */
  public record Cause(String key, Finding first, List<String> steps) {}

  /** Each distinct cause once, in the order the checks first showed them. */
  public List<Cause> causes() {
    java.util.Map<String, Finding> first = new java.util.LinkedHashMap<>();
    java.util.Map<String, List<String>> where = new java.util.LinkedHashMap<>();
    for (CheckStep s : steps) {
      for (Finding f : s.findings()) {
        first.putIfAbsent(f.cause(), f);
        List<String> in = where.computeIfAbsent(f.cause(), k -> new ArrayList<>());
        if (!in.contains(s.name())) {
          in.add(s.name());
        }
      }
    }
    List<Cause> out = new ArrayList<>();
    first.forEach((key, f) -> out.add(new Cause(key, f, List.copyOf(where.get(key)))));
    return out;
  }

  /** How many distinct defects were found (a defect several checks show counts once). */
  public int findings() {
    return causes().size();
  }

  public boolean clean() {
    return findings() == 0;
  }

  /** The number of the cause {@code f} belongs to, 1-based, as the text report lists them. */
  private static int number(List<Cause> causes, Finding f) {
    for (int i = 0; i < causes.size(); i++) {
      if (causes.get(i).key().equals(f.cause())) {
        return i + 1;
      }
    }
    return 0;
  }

  /**
   * The terminal report: ✓ / ✗ / – per check with the numbers of the causes it showed, then each
   * cause once with its fix and the checks it was seen in, then a summary line.
   */
  public String text() {
    List<Cause> causes = causes();
    StringBuilder out = new StringBuilder();
    out.append("Checking ").append(target).append(" against the seed contract\n");
    for (CheckStep s : steps) {
      String mark = s.skipped() ? "–" : s.passed() ? "✓" : "✗";
      out.append(mark).append(' ').append(s.name());
      if (!s.request().isEmpty()) {
        out.append("   ").append(s.request());
      }
      if (!s.passed()) {
        out.append("   [")
            .append(
                String.join(
                    ", ",
                    s.findings().stream()
                        .map(f -> Integer.toString(number(causes, f)))
                        .distinct()
                        .toList()))
            .append(']');
      }
      out.append('\n');
      if (s.skipped()) {
        out.append("    ").append(s.note()).append('\n');
      }
    }
    if (!causes.isEmpty()) {
      out.append(causes.size() == 1 ? "\nFinding:\n" : "\nFindings, one per cause:\n");
      for (int i = 0; i < causes.size(); i++) {
        Cause c = causes.get(i);
        out.append('[').append(i + 1).append("] ").append(c.first().problem()).append('\n');
        out.append("    fix:     ").append(c.first().fix()).append('\n');
        out.append("    seen in: ").append(String.join("; ", c.steps())).append('\n');
      }
    }
    out.append(summary()).append('\n');
    return out.toString();
  }

  public String summary() {
    long failed = steps.stream().filter(s -> !s.passed()).count();
    long ran = steps.stream().filter(s -> !s.skipped()).count();
    boolean unsigned = steps.stream().anyMatch(s -> s.name().equals("signatures") && s.skipped());
    String tail = unsigned ? "; signatures NOT checked (no credentials given)" : "";
    return (clean()
            ? "clean: "
                + ran
                + " checks passed"
                + (ran < steps.size() ? ", " + (steps.size() - ran) + " skipped" : "")
            : findings()
                + (findings() == 1 ? " finding" : " findings")
                + " (one per cause) in "
                + failed
                + " of "
                + ran
                + " checks")
        + tail;
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
        .append("</p><p>")
        .append(
            Html.escape(
                "Target: "
                    + target.baseUrl()
                    + " · flow: "
                    + target.flow().label()
                    + " · App ID: "
                    + (blank(target.appId()) ? "not given" : target.appId())
                    + " · certificate: "
                    + (blank(target.certificate()) ? "not given" : "given (not shown)")
                    + " · JWT secret: "
                    + (blank(target.jwtSecret()) ? "not given" : "given (not shown)")))
        .append("</p>");
    List<Cause> causes = causes();
    if (!causes.isEmpty()) {
      out.append("<h2>Findings, one per cause</h2><ol>");
      for (Cause c : causes) {
        out.append("<li><div>")
            .append(Html.escape(c.first().problem()))
            .append("</div><div class=\"fix\">Fix: ")
            .append(Html.escape(c.first().fix()))
            .append("</div><div class=\"fix\">Seen in: ")
            .append(Html.escape(String.join("; ", c.steps())))
            .append("</div></li>");
      }
      out.append("</ol>");
    }
    List<CheckStep> notRun = steps.stream().filter(CheckStep::skipped).toList();
    if (!notRun.isEmpty()) {
      out.append("<h2>Not checked, and why</h2><ul>");
      for (CheckStep n : notRun) {
        out.append("<li>").append(Html.escape(n.name() + ": " + n.note())).append("</li>");
      }
      out.append("</ul>");
    }
    out.append("<h2>Checks and the inputs asked</h2>");
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

  private static boolean blank(String s) {
    return s == null || s.isBlank();
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
