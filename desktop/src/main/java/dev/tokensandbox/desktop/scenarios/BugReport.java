package dev.tokensandbox.desktop.scenarios;

import dev.tokensandbox.backend.http.Http;
import dev.tokensandbox.backend.traffic.JournalEntry;
import dev.tokensandbox.backend.traffic.Redactor;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a bug report holds: when, the lab's timeline, every device's log and the traffic journal.
 * {@link #render} writes it as JSON or as one self-contained HTML page, after a last pass through
 * the {@link Redactor} (tokens become fingerprints, secrets «redacted»).
 */
public record BugReport(
    String createdAt,
    String note,
    List<String> labTimeline,
    Map<String, List<String>> deviceLogs,
    List<JournalEntry> traffic) {

  /** The two export formats. */
  public enum Format {
    JSON,
    HTML
  }

  public String render(Format format, Redactor redactor) throws IOException {
    String text =
        format == Format.JSON
            ? Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this)
            : html();
    return redactor.redact(text);
  }

  private String html() {
    StringBuilder out = new StringBuilder();
    out.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Token Sandbox bug report</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#111827}")
        .append("table{border-collapse:collapse;width:100%;font-size:12px}")
        .append(
            "td,th{border:1px solid #d1d5db;padding:4px 6px;text-align:left;vertical-align:top}")
        .append("pre{background:#f4f5f7;padding:8px;font-size:12px;white-space:pre-wrap}")
        .append(".fail{color:#b91c1c}</style></head><body>\n")
        .append("<h1>Token Sandbox bug report</h1>\n<p>Created ")
        .append(escape(createdAt))
        .append(". ")
        .append(escape(note))
        .append("</p>\n<h2>Expiry lab timeline</h2>\n<pre>");
    labTimeline.forEach(line -> out.append(escape(line)).append('\n'));
    out.append("</pre>\n<h2>Devices</h2>\n");
    deviceLogs.forEach(
        (device, lines) -> {
          out.append("<h3>").append(escape(device)).append("</h3>\n<pre>");
          lines.forEach(line -> out.append(escape(line)).append('\n'));
          out.append("</pre>\n");
        });
    out.append("<h2>Traffic</h2>\n<table><tr><th>#</th><th>time</th><th>hop</th>")
        .append("<th>request</th><th>status</th><th>ms</th><th>device</th><th>faults</th>")
        .append("<th>response</th></tr>\n");
    for (JournalEntry e : traffic) {
      out.append(e.status() >= 400 ? "<tr class=\"fail\">" : "<tr>");
      cells(
          out,
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
    return out.append("</table>\n</body></html>\n").toString();
  }

  private static void cells(StringBuilder out, String... values) {
    for (String v : values) {
      out.append("<td>").append(escape(v)).append("</td>");
    }
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Summary counts, for the status line. */
  public Map<String, Integer> counts() {
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put("lab events", labTimeline.size());
    out.put("devices", deviceLogs.size());
    out.put("requests", traffic.size());
    return out;
  }
}
