package dev.tokensandbox.backend.tokens;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Clock;
import java.util.List;

/**
 * Everything known about one pasted token: its field tree, the signature verdict and the lint
 * findings, or the decode error. This is the stable shape of {@code decode --json} (see {@code
 * docs/decode-json.md}) and of the Inspect screen.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"status", "format", "formatName", "fields", "verification", "lint", "error"})
public record TokenReport(
    String status,
    String format,
    String formatName,
    List<TokenField> fields,
    VerificationEntry verification,
    List<LintEntry> lint,
    ErrorEntry error) {

  public static final String DECODED = "decoded";
  public static final String ERROR = "error";

  /** Decodes, describes, verifies and lints {@code input}. Never throws. */
  public static TokenReport of(String input, VerificationKeys keys, Clock clock) {
    return of(TokenDecoder.decode(input), keys, clock);
  }

  public static TokenReport of(DecodeResult result, VerificationKeys keys, Clock clock) {
    if (result instanceof DecodeError e) {
      return new TokenReport(
          ERROR,
          e.format().shortName(),
          e.format().displayName(),
          null,
          null,
          null,
          new ErrorEntry(e.field(), e.offset(), e.where(), e.reason(), e.message()));
    }
    DecodedToken token = (DecodedToken) result;
    Verification v = TokenVerifier.verify(token, keys);
    List<LintEntry> lint =
        new TokenLinter(clock)
            .lint(token).stream()
                .map(w -> new LintEntry(w.code().name(), w.severity().name(), w.message(), w.fix()))
                .toList();
    return new TokenReport(
        DECODED,
        token.format().shortName(),
        token.format().displayName(),
        new TokenDescriber(clock).describe(token),
        new VerificationEntry(v.verdict().name(), v.detail()),
        lint,
        null);
  }

  public boolean decoded() {
    return DECODED.equals(status);
  }

  /** The verdict and why. */
  public record VerificationEntry(String verdict, String detail) {}

  /** One lint finding. */
  public record LintEntry(String code, String severity, String message, String fix) {}

  /** Why decoding failed; {@code offset} is -1 when no position applies. */
  public record ErrorEntry(String field, int offset, String where, String reason, String message) {}
}
