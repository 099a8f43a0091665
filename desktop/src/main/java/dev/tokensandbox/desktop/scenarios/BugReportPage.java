package dev.tokensandbox.desktop.scenarios;

import static dev.tokensandbox.desktop.scenarios.BugReport.escape;
import static dev.tokensandbox.desktop.scenarios.BugReport.seconds;

import dev.tokensandbox.client.session.EventKind;
import dev.tokensandbox.client.session.TimelineEvent;
import dev.tokensandbox.protocol.admin.FaultRule;
import dev.tokensandbox.protocol.admin.JournalEntry;
import java.util.List;
import java.util.Locale;

/** A {@link BugReport} as one self-contained HTML page (no script, no external resource). */
final class BugReportPage {
  private static final int WIDTH = 900;
  private static final int LEFT = 70;

  private final BugReport report;
  private final StringBuilder out = new StringBuilder();

  BugReportPage(BugReport report) {
    this.report = report;
  }

  String html() {
    out.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Token Sandbox bug report</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#111827;max-width:1100px}")
        .append("table{border-collapse:collapse;width:100%;font-size:12px}")
        .append(
            "td,th{border:1px solid #d1d5db;padding:4px 6px;text-align:left;vertical-align:top}")
        .append("dt{font-weight:600}dd{margin:0 0 .4rem 1rem}")
        .append(".fail{color:#b91c1c}.pass{color:#15803d}.muted{color:#6b7280}")
        .append("code{font-size:12px}</style></head><body>\n")
        .append("<h1>Token Sandbox bug report</h1>\n<p class=\"muted\">Created ")
        .append(escape(report.createdAt()))
        .append(" · ")
        .append(escape(report.build().sandbox()))
        .append(" · Java ")
        .append(escape(report.build().java()))
        .append(" · ")
        .append(escape(report.build().os()))
        .append("<br>")
        .append(escape(report.note()))
        .append("</p>\n");
    lab();
    faultPlan();
    devices();
    tokens();
    traffic();
    return out.append("</body></html>\n").toString();
  }

  private void lab() {
    BugReport.Lab lab = report.lab();
    out.append("<h2>Expiry lab</h2>\n");
    if (lab == null) {
      out.append("<p class=\"muted\">No preset was run in the lab.</p>\n");
      return;
    }
    String verdictClass = lab.verdict().equals("PASS") ? "pass" : "fail";
    out.append("<p><b class=\"")
        .append(verdictClass)
        .append("\">")
        .append(escape(lab.verdict()))
        .append("</b> — <code>")
        .append(escape(lab.preset()))
        .append("</code> ")
        .append(escape(lab.title()))
        .append("</p>\n<dl><dt>What it does</dt><dd>")
        .append(escape(lab.description()))
        .append("</dd><dt>Flow</dt><dd>")
        .append(escape(lab.flow()))
        .append("</dd><dt>Renewal policy</dt><dd>renew on ")
        .append(escape(lab.policy().trigger()))
        .append(", reaction delay ")
        .append(lab.policy().reactionDelayMillis())
        .append(" ms, up to ")
        .append(lab.policy().maxAttempts())
        .append(" attempts, single flight ")
        .append(lab.policy().singleFlight() ? "on" : "off")
        .append(", JWT timer from ")
        .append(escape(lab.policy().timerBasis()))
        .append("</dd><dt>What-if</dt><dd>")
        .append(lab.whatIf() == null ? "none: the preset's own policy" : escape(lab.whatIf()))
        .append("</dd><dt>Faults added during the run</dt><dd>")
        .append(lab.faultsAdded().isEmpty() ? "none" : escape(String.join("; ", lab.faultsAdded())))
        .append("</dd></dl>\n<h3>Expected</h3>\n<ul>");
    for (BugReport.Check c : lab.expectations()) {
      out.append(c.held() ? "<li class=\"pass\">✓ " : "<li class=\"fail\">✗ ")
          .append(escape(c.expected()))
          .append(c.held() ? "" : " — " + escape(c.failure()))
          .append("</li>");
    }
    out.append("</ul>\n<h3>What happened</h3>\n");
    timeline(lab);
    out.append("<table><tr><th>+s</th><th>event</th><th>SDK callback</th><th>detail</th></tr>\n");
    for (BugReport.Event e : lab.events()) {
      out.append(failure(e.kind()) ? "<tr class=\"fail\">" : "<tr>");
      cells(
          seconds(e.atSeconds()),
          e.kind(),
          e.sdkCallback() == null ? "" : e.sdkCallback(),
          e.detail());
      out.append("</tr>\n");
    }
    out.append("</table>\n");
  }

  /** The run as a picture: a time axis, the token lifetimes as bars, the events as marks. */
  private void timeline(BugReport.Lab lab) {
    double length = Math.max(1, lab.runSeconds());
    int plot = WIDTH - LEFT - 20;
    out.append("<svg role=\"img\" aria-label=\"timeline\" width=\"")
        .append(WIDTH)
        .append("\" height=\"110\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(" 110\" style=\"font:11px system-ui,sans-serif\">")
        .append("<text x=\"4\" y=\"28\">token</text><text x=\"4\" y=\"58\">events</text>");
    for (int i = 0; i <= 10; i++) {
      double x = LEFT + plot * i / 10.0;
      out.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"10\" x2=\"%.1f\" y2=\"80\" stroke=\"#e5e7eb\"/>"
                  + "<text x=\"%.1f\" y=\"96\" text-anchor=\"middle\">%s s</text>",
              x,
              x,
              x,
              seconds(length * i / 10.0)));
    }
    for (int i = 0; i < lab.events().size(); i++) {
      BugReport.Event e = lab.events().get(i);
      boolean starts =
          e.tokenExpiresAtSeconds() != null
              && (e.kind().equals("JOINED")
                  || e.kind().equals("REJOINED")
                  || e.kind().equals("RENEWED")
                  || e.kind().equals("READY"));
      if (starts) {
        double end = Math.min(length, e.tokenExpiresAtSeconds());
        out.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"18\" width=\"%.1f\" height=\"14\" fill=\"#bfdbfe\""
                    + " stroke=\"#1d4ed8\"><title>token from +%s s to +%s s</title></rect>",
                x(e.atSeconds(), length, plot),
                Math.max(1, x(end, length, plot) - x(e.atSeconds(), length, plot)),
                seconds(e.atSeconds()),
                seconds(e.tokenExpiresAtSeconds())));
      }
      out.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"54\" r=\"5\" fill=\"%s\"><title>+%s s %s %s</title>"
                  + "</circle>",
              x(e.atSeconds(), length, plot),
              colour(e.kind()),
              seconds(e.atSeconds()),
              escape(e.kind()),
              escape(e.detail())));
    }
    out.append("</svg>\n<p class=\"muted\">Blue bars, as in the window: a token in effect. Marks: ")
        .append("<span style=\"color:#d97706\">●</span> will expire / request token, ")
        .append("<span style=\"color:#15803d\">●</span> joined / renewed, ")
        .append("<span style=\"color:#b91c1c\">●</span> failure, ")
        .append("<span style=\"color:#6b7280\">●</span> other.</p>\n");
  }

  private static double x(double at, double length, int plot) {
    return LEFT + plot * Math.max(0, Math.min(at, length)) / length;
  }

  private static boolean failure(String kind) {
    try {
      return EventKind.valueOf(kind).isFailure();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String colour(String kind) {
    if (failure(kind)) {
      return "#b91c1c";
    }
    return switch (kind) {
      case "WILL_EXPIRE", "REQUEST_TOKEN" -> "#d97706";
      case "JOINED", "REJOINED", "RENEWED", "READY" -> "#15803d";
      default -> "#6b7280";
    };
  }

  private void faultPlan() {
    out.append("<h2>Fault plan of the window's backend</h2>\n");
    List<FaultRule> rules = report.faultPlan() == null ? List.of() : report.faultPlan().rules();
    if (rules.isEmpty()) {
      out.append("<p class=\"muted\">No faults.</p>\n");
      return;
    }
    out.append("<table><tr><th>route</th><th>fault</th><th>value</th><th>probability</th>")
        .append("<th>device</th></tr>\n");
    for (FaultRule r : rules) {
      out.append("<tr>");
      cells(
          r.route(),
          r.fault().name(),
          Integer.toString(r.value()),
          Double.toString(r.probability()),
          r.device() == null ? "every device" : r.device());
      out.append("</tr>\n");
    }
    out.append("</table>\n");
  }

  private void devices() {
    out.append("<h2>Virtual devices</h2>\n");
    if (report.devices().isEmpty()) {
      out.append("<p class=\"muted\">None.</p>\n");
    }
    for (BugReport.Device d : report.devices()) {
      out.append("<h3>")
          .append(escape(d.name()))
          .append("</h3>\n<p>")
          .append(escape(d.flow()))
          .append(", tokens of ")
          .append(d.tokenLifetimeSeconds())
          .append(" s, renew on ")
          .append(escape(d.renewOn()))
          .append(", fault: ")
          .append(escape(d.fault()))
          .append("</p>\n");
      for (String finding : d.findings()) {
        out.append("<p class=\"fail\"><strong>Finding:</strong> ")
            .append(escape(finding))
            .append("</p>\n");
      }
      out.append("<table><tr><th>time</th><th>event</th><th>detail</th></tr>\n");
      for (TimelineEvent e : d.events()) {
        out.append(e.kind().isFailure() ? "<tr class=\"fail\">" : "<tr>");
        cells(e.at().toString(), e.kind().name(), e.detail());
        out.append("</tr>\n");
      }
      out.append("</table>\n");
    }
  }

  private void tokens() {
    out.append("<h2>Issued tokens</h2>\n");
    if (report.tokens().isEmpty()) {
      out.append("<p class=\"muted\">None.</p>\n");
      return;
    }
    out.append("<p>Each re-issues exactly with the same inputs: <code>token-sandbox issue …")
        .append(" --issued-at ISSUED --salt SALT</code>.</p>\n")
        .append("<table><tr><th>token</th><th>kind</th><th>for</th><th>route</th>")
        .append("<th>issued (Unix s)</th><th>salt</th><th>expires</th><th>faults</th></tr>\n");
    for (dev.tokensandbox.protocol.admin.IssuedRecord t : report.tokens()) {
      out.append("<tr>");
      cells(
          t.id(),
          t.kind(),
          t.subject() == null ? "" : t.subject(),
          t.route(),
          t.issuedAt().getEpochSecond() + " (" + t.issuedAt() + ")",
          t.salt() == null ? "" : Long.toString(t.salt()),
          t.expiresAt().toString(),
          String.join(", ", t.faults()));
      out.append("</tr>\n");
    }
    out.append("</table>\n");
  }

  private void traffic() {
    out.append("<h2>Traffic</h2>\n<table><tr><th>#</th><th>time</th><th>hop</th>")
        .append("<th>request</th><th>status</th><th>ms</th><th>device</th><th>faults</th>")
        .append("<th>response</th></tr>\n");
    for (JournalEntry e : report.traffic()) {
      out.append(e.status() >= 400 ? "<tr class=\"fail\">" : "<tr>");
      cells(
          Long.toString(e.id()),
          e.at().toString(),
          e.hop(),
          e.method() + " " + e.path(),
          Integer.toString(e.status()),
          Double.toString(e.durationMillis()),
          e.client(),
          String.join(", ", e.faults()),
          e.responseBody());
      out.append("</tr>\n");
    }
    out.append("</table>\n");
  }

  private void cells(String... values) {
    for (String v : values) {
      out.append("<td>").append(escape(v)).append("</td>");
    }
  }
}
