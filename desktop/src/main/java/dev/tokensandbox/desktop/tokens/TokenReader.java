package dev.tokensandbox.desktop.tokens;

import dev.tokensandbox.backend.tokens.AccessToken1Info;
import dev.tokensandbox.backend.tokens.AccessToken2Info;
import dev.tokensandbox.backend.tokens.DecodeResult;
import dev.tokensandbox.backend.tokens.JwtInfo;
import dev.tokensandbox.backend.tokens.TokenDecoder;
import dev.tokensandbox.backend.tokens.TokenReport;
import dev.tokensandbox.backend.tokens.VerificationKeys;
import dev.tokensandbox.backend.workspace.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decodes a token for a screen: verified with a pasted certificate or secret if there is one, else
 * with the workspace's credentials (the App Certificate, then each JWT provider's secret until one
 * matches). Never throws, like the decoder.
 */
public final class TokenReader {
  private final Workspace workspace;
  private final Clock clock;

  /** {@code workspace} may be null: then only a pasted secret verifies. */
  public TokenReader(Workspace workspace, Clock clock) {
    this.workspace = workspace;
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  /** A decoded, verified and linted report of {@code text}. */
  public TokenReport report(String text, String pastedSecret) {
    return report(text, pastedSecret, Guess.NONE);
  }

  /**
   * What a 006 token's signature covers but stores only as CRC32: the channel and the uid (a
   * number, 0 = the wildcard written "") or user account (kept as typed, so "0" is the account).
   */
  public record Guess(String channel, String user, boolean account) {
    public static final Guess NONE = new Guess(null, null, false);

    VerificationKeys applyTo(VerificationKeys keys) {
      if (channel == null || user == null) {
        return keys;
      }
      return account ? keys.withAccountGuess(channel, user) : keys.withGuess(channel, user);
    }
  }

  /** As {@link #report(String, String)}, with a 006 channel and uid (or account) guess. */
  public TokenReport report(String text, String pastedSecret, Guess guess) {
    DecodeResult decoded = TokenDecoder.decode(text);
    if (pastedSecret != null && !pastedSecret.isBlank()) {
      String key = pastedSecret.strip();
      return TokenReport.of(
          decoded, guess.applyTo(new VerificationKeys(key, key, null, null)), clock);
    }
    if (workspace == null) {
      return TokenReport.of(decoded, VerificationKeys.none(), clock);
    }
    // A token for another App ID was not signed with this workspace's certificate: say "not
    // verified" rather than "invalid".
    String certificate = ownAppId(decoded) ? workspace.appCertificate() : null;
    TokenReport report = null;
    for (String jwtSecret : List.of(workspace.chatsdkJwtSecret(), workspace.ringnityJwtSecret())) {
      report =
          TokenReport.of(
              decoded,
              guess.applyTo(VerificationKeys.assumedJwtSecret(certificate, jwtSecret)),
              clock);
      if (!report.decoded() || "VALID".equals(report.verification().verdict())) {
        return report;
      }
    }
    return report;
  }

  private boolean ownAppId(DecodeResult decoded) {
    if (decoded instanceof AccessToken2Info t) {
      return workspace.appId().equals(t.appId());
    }
    if (decoded instanceof AccessToken1Info t) {
      return workspace.appId().equals(t.appId());
    }
    return true;
  }

  /** When the token stops working (the earliest expiry that ends the session), if it says. */
  public static Optional<Instant> expiry(String text) {
    DecodeResult decoded = TokenDecoder.decode(text);
    if (decoded instanceof AccessToken2Info t) {
      return Optional.of(t.expiresAt());
    }
    if (decoded instanceof AccessToken1Info t) {
      return Optional.of(t.messageExpiresAt());
    }
    if (decoded instanceof JwtInfo t) {
      return t.numericClaim("exp").map(Instant::ofEpochSecond);
    }
    return Optional.empty();
  }
}
