package dev.tokensandbox.backend.tokens;

/**
 * Who an RTC token is for: a numeric uid (0 = any user) or a string user account. The two are
 * different identities to Agora: uid {@code 1234} does not match account {@code "1234"}.
 */
public record RtcUser(long uid, String account) {

  public RtcUser {
    if (account == null) {
      TokenRules.uid("uid", uid);
    } else {
      TokenRules.account("userAccount", account);
    }
  }

  public static RtcUser uid(long uid) {
    return new RtcUser(uid, null);
  }

  public static RtcUser account(String account) {
    return new RtcUser(0, account);
  }

  public boolean isAccount() {
    return account != null;
  }

  /** The string the token carries: the account, the decimal uid, or "" for uid 0. */
  public String tokenValue() {
    if (isAccount()) {
      return account;
    }
    return uid == 0 ? "" : Long.toString(uid);
  }

  @Override
  public String toString() {
    return isAccount() ? "account \"" + account + "\"" : "uid " + uid;
  }
}
