package dev.tokensandbox.backend.tokens;

/** A signature verdict and the reason in one line. */
public record Verification(Verdict verdict, String detail) {

  public enum Verdict {
    /** The signature matches the given certificate or secret. */
    VALID,
    /** The signature does not match: wrong certificate/secret or a tampered token. */
    INVALID,
    /** Nothing to verify with (or the algorithm needs a key the sandbox does not take). */
    NOT_VERIFIED
  }

  static Verification valid(String detail) {
    return new Verification(Verdict.VALID, detail);
  }

  static Verification invalid(String detail) {
    return new Verification(Verdict.INVALID, detail);
  }

  static Verification notVerified(String detail) {
    return new Verification(Verdict.NOT_VERIFIED, detail);
  }
}
