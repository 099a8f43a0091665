package dev.tokensandbox.desktop.inspect;

import dev.tokensandbox.backend.tokens.AccessToken1Info;
import dev.tokensandbox.backend.tokens.DecodeError;
import dev.tokensandbox.backend.tokens.DecodeResult;
import dev.tokensandbox.backend.tokens.DecodedToken;
import dev.tokensandbox.backend.tokens.TimeText;
import dev.tokensandbox.backend.tokens.TokenDecoder;
import dev.tokensandbox.backend.tokens.TokenDiff;
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
  private final StringProperty channelGuess = new SimpleStringProperty(this, "channelGuess", "");
  private final StringProperty userGuess = new SimpleStringProperty(this, "userGuess", "");
  private final javafx.beans.property.BooleanProperty guessIsAccount =
      new javafx.beans.property.SimpleBooleanProperty(this, "guessIsAccount", false);
  private final javafx.beans.property.ReadOnlyBooleanWrapper legacy =
      new javafx.beans.property.ReadOnlyBooleanWrapper(this, "legacy", false);
  private final StringProperty compare = new SimpleStringProperty(this, "compare", "");
  private final ReadOnlyObjectWrapper<TokenDiff> diff = new ReadOnlyObjectWrapper<>(this, "diff");
  private final ReadOnlyStringWrapper diffSummary =
      new ReadOnlyStringWrapper(this, "diffSummary", "");
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
    channelGuess.addListener((obs, old, now) -> refresh());
    userGuess.addListener((obs, old, now) -> refresh());
    guessIsAccount.addListener((obs, old, now) -> refresh());
    compare.addListener((obs, old, now) -> compare());
    token.addListener((obs, old, now) -> compare());
    refresh();
  }

  /** 006 only: the channel the token is for (its signature covers it; it keeps only a CRC32). */
  public StringProperty channelGuessProperty() {
    return channelGuess;
  }

  /** 006 only: the uid (0 = wildcard) or, with {@link #guessIsAccountProperty()}, the account. */
  public StringProperty userGuessProperty() {
    return userGuess;
  }

  public javafx.beans.property.BooleanProperty guessIsAccountProperty() {
    return guessIsAccount;
  }

  /** True while the pasted token is a 006 token: the guess fields apply. */
  public javafx.beans.property.ReadOnlyBooleanProperty legacyProperty() {
    return legacy.getReadOnlyProperty();
  }

  /** A second token to compare with the first (e.g. its renewal). */
  public StringProperty compareProperty() {
    return compare;
  }

  /** The two tokens side by side, or null while either does not decode. */
  public ReadOnlyObjectProperty<TokenDiff> diffProperty() {
    return diff.getReadOnlyProperty();
  }

  /** "3 of 14 fields differ", or why there is no comparison. */
  public ReadOnlyStringProperty diffSummaryProperty() {
    return diffSummary.getReadOnlyProperty();
  }

  private void compare() {
    String second = compare.get();
    if (second == null || second.isBlank()) {
      diff.set(null);
      diffSummary.set("");
      return;
    }
    DecodeResult a = TokenDecoder.decode(token.get());
    DecodeResult b = TokenDecoder.decode(second);
    if (!(a instanceof DecodedToken first)) {
      diff.set(null);
      diffSummary.set("Paste the first token above to compare.");
    } else if (!(b instanceof DecodedToken other)) {
      diff.set(null);
      diffSummary.set("The second token does not decode: " + ((DecodeError) b).message());
    } else {
      TokenDiff d = TokenDiff.of(first, other);
      diff.set(d);
      diffSummary.set(
          d.identical()
              ? "The same token."
              : d.differences().size() + " of " + d.fields().size() + " fields differ");
    }
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
    legacy.set(TokenDecoder.decode(text) instanceof AccessToken1Info);
    TokenReport next = reader.report(text, secret.get(), guess());
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

  private TokenReader.Guess guess() {
    String channel = channelGuess.get() == null ? "" : channelGuess.get();
    String user = userGuess.get() == null ? "" : userGuess.get().strip();
    if (!legacy.get() || (channel.isEmpty() && user.isEmpty())) {
      return TokenReader.Guess.NONE;
    }
    // An empty uid is uid 0 (the wildcard); an empty channel is the wildcard channel "".
    return new TokenReader.Guess(
        channel, user.isEmpty() && !guessIsAccount.get() ? "0" : user, guessIsAccount.get());
  }

  /**
   * Once a second: the token is read again against the clock, so the countdown, the tree's own
   * countdowns, lint (EXPIRES_SOON, EXPIRED) and the verdict stay true as time passes.
   */
  public void tick() {
    refresh();
  }
}
