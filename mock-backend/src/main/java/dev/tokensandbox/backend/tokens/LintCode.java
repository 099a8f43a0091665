package dev.tokensandbox.backend.tokens;

/** Stable lint codes, each with a severity and a one-line fix. */
public enum LintCode {
  TOKEN_EXPIRED(
      Severity.ERROR,
      "Fetch a fresh token from your backend; renew on onTokenPrivilegeWillExpire, before expiry."),
  EXPIRES_SOON(
      Severity.WARNING,
      "Issue tokens that live well over 30 s (e.g. 3600 s); onTokenPrivilegeWillExpire fires at once otherwise."),
  LIFETIME_OVER_24H(
      Severity.WARNING, "Use at most 86400 s; Agora silently caps longer lifetimes to 24 h."),
  JOIN_BEFORE_PUBLISH(
      Severity.WARNING,
      "Give joinChannel at least the lifetime of the publish privileges, or renew before the join privilege ends."),
  PRIVILEGE_OUTLIVES_TOKEN(
      Severity.WARNING,
      "Set the token lifetime to at least the longest privilege lifetime; the token's expiry ends every privilege."),
  EXPIRE_LOOKS_ABSOLUTE(
      Severity.ERROR,
      "Pass a lifetime in seconds (e.g. 3600), not now + lifetime; AccessToken2 expiries are relative."),
  EXPIRE_LOOKS_MILLIS(Severity.ERROR, "Pass seconds, not milliseconds (divide by 1000)."),
  EXPIRE_LOOKS_RELATIVE(
      Severity.ERROR,
      "006 privilege expiries are absolute Unix timestamps: pass now + lifetime (or move to 007)."),
  WILDCARD_UID(
      Severity.WARNING, "Issue the token for the user's real uid unless any user may use it."),
  ACCOUNT_ZERO(
      Severity.WARNING,
      "For uid 0 (any user) write \"\" as the official builders do; a path or query parameter passed on as the string \"0\" signs the account \"0\"."),
  WILDCARD_CHANNEL(
      Severity.WARNING, "Issue the token for one channel unless it must open every channel."),
  USER_ACCOUNT(
      Severity.INFO,
      "Join with joinChannelWithUserAccount (or registerLocalUserAccount); an int uid will not match."),
  UID_NOT_UINT32(
      Severity.ERROR,
      "Uids are unsigned 32-bit: keep them in 1..4294967295 and format them as unsigned."),
  LEGACY_006(
      Severity.WARNING,
      "Issue AccessToken2 (007) with RtcTokenBuilder2; 006 is the legacy format."),
  ISSUED_IN_FUTURE(
      Severity.WARNING,
      "Sync the server clock (NTP); a clock ahead of real time makes fresh tokens look not yet valid or short-lived."),
  JWT_EXP_MILLIS(Severity.ERROR, "JWT exp is NumericDate in seconds: divide by 1000."),
  JWT_NO_EXP(Severity.WARNING, "Add an exp claim so the token can expire."),
  JWT_NOT_YET_VALID(
      Severity.WARNING,
      "Set nbf to the issue time (or leave it out); check the issuing server's clock (NTP)."),
  JWT_NBF_AFTER_EXP(Severity.ERROR, "Set nbf before exp: as issued the token is never valid."),
  JWT_ALG_NONE(
      Severity.ERROR,
      "Sign the token (HS256 with the provider's secret); never accept alg \"none\"."),
  JWT_CRIT(
      Severity.ERROR,
      "Drop the crit header, or verify with a library that implements the extensions it names (RFC 7515 §4.1.11).");

  /** How bad a finding is. */
  public enum Severity {
    ERROR,
    WARNING,
    INFO
  }

  private final Severity severity;
  private final String fix;

  LintCode(Severity severity, String fix) {
    this.severity = severity;
    this.fix = fix;
  }

  public Severity severity() {
    return severity;
  }

  public String fix() {
    return fix;
  }
}
