package dev.tokensandbox.backend.cli;

import dev.tokensandbox.backend.tokens.TokenDiff;
import dev.tokensandbox.backend.tokens.TokenField;
import dev.tokensandbox.backend.tokens.TokenReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The default, human output of {@code decode}: an indented field tree, verdict and lint. */
final class HumanReport {
  private HumanReport() {}

  static void print(PrintWriter out, TokenReport report) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Format", report.formatName()});
    flatten(report.fields(), "", rows);
    rows.add(
        new String[] {
          "Verification", report.verification().verdict() + " — " + report.verification().detail()
        });
    rows.add(
        new String[] {
          "Lint",
          report.lint().isEmpty()
              ? "no findings"
              : report.lint().size() + (report.lint().size() == 1 ? " finding" : " findings")
        });
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0) + 2;
    for (String[] row : rows) {
      out.println(String.format("%-" + width + "s%s", row[0], row[1]).stripTrailing());
    }
    for (TokenReport.LintEntry w : report.lint()) {
      out.println("  " + w.severity() + " " + w.code() + ": " + w.message());
      out.println("    fix: " + w.fix());
    }
  }

  /** {@code decode A --diff B}: the fields side by side (≠ where they differ), then in words. */
  static void printDiff(PrintWriter out, TokenDiff diff) {
    int field = "Field".length();
    int first = "First".length();
    for (TokenDiff.Row row : diff.fields()) {
      field = Math.max(field, row.field().length());
      first = Math.max(first, Math.min(48, row.first().length()));
    }
    String format = "%s %-" + field + "s  %-" + first + "s  %s";
    out.println(String.format(format, " ", "Field", "First", "Second").stripTrailing());
    for (TokenDiff.Row row : diff.fields()) {
      out.println(
          String.format(
                  format,
                  row.differs() ? "≠" : " ",
                  row.field(),
                  shorten(row.first()),
                  row.differs() ? shorten(row.second()) : "(same)")
              .stripTrailing());
    }
    out.println();
    out.println(diff.differences().size() + " of " + diff.fields().size() + " fields differ:");
    for (String finding : diff.findings()) {
      out.println("  " + finding);
    }
  }

  /** A value for the table: "" when empty (uid 0, the wildcard channel), cut after 48. */
  private static String shorten(String value) {
    if (value.isEmpty()) {
      return "\"\"";
    }
    return value.length() <= 48 ? value : value.substring(0, 45) + "…";
  }

  private static void flatten(List<TokenField> fields, String indent, List<String[]> rows) {
    for (TokenField f : fields) {
      String value;
      if (f.raw().isEmpty()) {
        value = f.human();
      } else if (f.human().equals(f.raw())) {
        value = f.raw();
      } else {
        value = f.raw() + "  — " + f.human();
      }
      rows.add(new String[] {indent + f.label(), value});
      flatten(f.children(), indent + "  ", rows);
    }
  }
}
