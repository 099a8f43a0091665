package dev.tokensandbox.desktop.inspect;

import dev.tokensandbox.backend.tokens.TimeText;
import dev.tokensandbox.backend.tokens.TokenReport;
import dev.tokensandbox.desktop.tokens.TokenReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the Inspect screen: the pasted token and the certificate or secret to verify with in,
 * the report, a one-line summary and a countdown out. Without a pasted secret the workspace's
 * credentials verify. Decoding is bounded (16 KiB input, 64 KiB inflated) and takes microseconds,
 * so it runs as the input changes; {@link #tick()} once a second moves the countdown.
 */
public final class InspectViewModel {
  private final TokenReader reader;
  private final StringProperty token = new SimpleStringProperty(this, "token", "");
  private final StringProperty secret = new SimpleStringProperty(this, "secret", "");
  private final ReadOnlyObjectWrapper<TokenReport> report =
      new ReadOnlyObjectWrapper<>(this, "report");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper(this, "countdown", "");
  private final javafx.beans.property.ReadOnlyObjectWrapper<State> state =
      new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "state", State.EMPTY);
  private Optional<Instant> expiry = Optional.empty();

  /** What the headline says about the token, for its colour. */
  public enum State {
    EMPTY,
    NOT_A_TOKEN,
    /** Decoded, signature verified, not expired. */
    VALID,
    /** Decoded and not expired, but nothing to verify the signature with. */
    NOT_VERIFIED,
    /** The signature does not match. */
    INVALID,
    /** Past its expiry (whatever the signature). */
    EXPIRED
  }

  /** Verifies with pasted secrets only. */
  public InspectViewModel(Clock clock) {
    this(new TokenReader(null, clock));
  }

  public InspectViewModel(TokenReader reader) {
    this.reader = reader;
    token.addListener((obs, old, now) -> refresh());
    secret.addListener((obs, old, now) -> refresh());
    refresh();
  }

  /** The pasted token text (whitespace, quotes and "Bearer " are tolerated). */
  public StringProperty tokenProperty() {
    return token;
  }

  /** App Certificate (007/006) or JWT secret to verify with; empty = the workspace's. */
  public StringProperty secretProperty() {
    return secret;
  }

  public ReadOnlyObjectProperty<TokenReport> reportProperty() {
    return report.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** VALID, EXPIRED, INVALID…: the views colour the headline by it. */
  public javafx.beans.property.ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** "expires in 59:58", "expired 3 s ago", or empty when there is no token. */
  public ReadOnlyStringProperty countdownProperty() {
    return countdown.getReadOnlyProperty();
  }

  /** Re-reads the token against the clock. */
  public void refresh() {
    String text = token.get();
    if (text == null || text.isBlank()) {
      report.set(null);
      expiry = Optional.empty();
      summary.set("Paste a 007…, 006… or eyJ… token");
      state.set(State.EMPTY);
      countdown.set("");
      return;
    }
    TokenReport next = reader.report(text, secret.get());
    // Everything derived from the clock (tree countdowns, lint) changes only its text: the views
    // update in place, so a report equal to the last one changes nothing.
    if (!java.util.Objects.equals(next, report.get())) {
      report.set(next);
    }
    expiry = next.decoded() ? TokenReader.expiry(text) : Optional.empty();
    Instant now = reader.clock().instant();
    boolean expired = expiry.map(at -> !at.isAfter(now)).orElse(false);
    String verdict = next.decoded() ? next.verification().verdict() : "";
    state.set(
        !next.decoded()
            ? State.NOT_A_TOKEN
            : expired
                ? State.EXPIRED
                : verdict.equals("INVALID")
                    ? State.INVALID
                    : verdict.equals("VALID") ? State.VALID : State.NOT_VERIFIED);
    int findings = next.decoded() ? next.lint().size() : 0;
    summary.set(
        next.decoded()
            ? next.formatName()
                + " · signature "
                + verdict
                + (expired ? " · EXPIRED" : "")
                + " · "
                + (findings == 0
                    ? "no lint findings"
                    : findings + (findings == 1 ? " lint finding" : " lint findings"))
            : "Not a token: " + next.error().message());
    countdown.set(
        expiry
            .map(
                at ->
                    Duration.between(now, at).isNegative()
                        ? TimeText.expiry(now, at)
                        : TimeText.expiry(now, at) + " (" + at + ")")
            .orElse(""));
  }

  /**
   * Once a second: the token is read again against the clock, so the countdown, the tree's own
   * countdowns, lint (EXPIRES_SOON, EXPIRED) and the verdict stay true as time passes.
   */
  public void tick() {
    refresh();
  }
}
