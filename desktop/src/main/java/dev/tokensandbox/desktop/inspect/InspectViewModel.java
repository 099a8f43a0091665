package dev.tokensandbox.desktop.inspect;

import dev.tokensandbox.backend.tokens.TokenReport;
import dev.tokensandbox.backend.tokens.VerificationKeys;
import java.time.Clock;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the Inspect screen: the pasted token and the certificate or secret to verify with in,
 * the report and a one-line summary out. Decoding is bounded (16 KiB input, 64 KiB inflated) and
 * takes microseconds, so it runs as the input changes.
 */
public final class InspectViewModel {
  private final Clock clock;
  private final StringProperty token = new SimpleStringProperty(this, "token", "");
  private final StringProperty secret = new SimpleStringProperty(this, "secret", "");
  private final ReadOnlyObjectWrapper<TokenReport> report =
      new ReadOnlyObjectWrapper<>(this, "report");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

  public InspectViewModel(Clock clock) {
    this.clock = clock;
    token.addListener((obs, old, now) -> refresh());
    secret.addListener((obs, old, now) -> refresh());
    refresh();
  }

  /** The pasted token text (whitespace, quotes and "Bearer " are tolerated). */
  public StringProperty tokenProperty() {
    return token;
  }

  /** App Certificate (007/006) or JWT secret to verify with; empty = not verified. */
  public StringProperty secretProperty() {
    return secret;
  }

  public ReadOnlyObjectProperty<TokenReport> reportProperty() {
    return report.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** Re-reads the token against the clock, e.g. once a second for the countdown. */
  public void refresh() {
    String text = token.get();
    if (text == null || text.isBlank()) {
      report.set(null);
      summary.set("Paste a 007…, 006… or eyJ… token");
      return;
    }
    String key = secret.get() == null || secret.get().isBlank() ? null : secret.get().strip();
    TokenReport next = TokenReport.of(text, new VerificationKeys(key, key, null, null), clock);
    report.set(next);
    summary.set(
        next.decoded()
            ? next.formatName()
                + " · "
                + next.verification().verdict()
                + " · "
                + next.lint().size()
                + " lint finding(s)"
            : "Not a token: " + next.error().message());
  }
}
