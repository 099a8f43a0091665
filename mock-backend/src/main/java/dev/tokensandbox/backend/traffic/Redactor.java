package dev.tokensandbox.backend.traffic;

import dev.tokensandbox.backend.tokens.TokenFingerprint;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Removes secrets from anything the sandbox writes down: tokens (007/006/JWT) become {@code «token
 * tok:1a2b3c4d»} so a journal line still correlates with the issued-token history; session bearers,
 * provider keys, passwords and every registered secret become {@code «redacted»}.
 */
public final class Redactor {
  private static final Pattern KEYS =
      Pattern.compile("sess_[0-9a-fA-F]{8,}|rn_sk_[A-Za-z0-9_]+|chatsdk_[A-Za-z0-9_]+");
  private static final Pattern PASSWORD =
      Pattern.compile(
          "(\"(?:password|appCertificate|apiKey|secret)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final String REDACTED = "«redacted»";

  private final Set<String> secrets = new CopyOnWriteArraySet<>();

  /** Registers a literal secret (certificate, JWT secret, …); short strings are ignored. */
  public void addSecret(String secret) {
    if (secret != null && secret.length() >= 8) {
      secrets.add(secret);
    }
  }

  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, REDACTED);
    }
    // Each pattern runs only where its fixed prefix occurs: most text the journal sees (paths,
    // user agents, small JSON) holds none, and a regex scan per pattern per string was a tenth of
    // the server's time on the token routes. Tokens are found without a regex (TokenSpans).
    out = replaceTokens(out);
    if (out.contains("sess_") || out.contains("rn_sk_") || out.contains("chatsdk_")) {
      out = KEYS.matcher(out).replaceAll(REDACTED);
    }
    if (mayHoldSecretMember(out)) {
      out = PASSWORD.matcher(out).replaceAll("$1\"" + REDACTED + "\"");
    }
    return out;
  }

  private static String replaceTokens(String text) {
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < text.length()) {
      int end = TokenSpans.endOfTokenAt(text, i);
      if (end < 0) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, i)
          .append("«token ")
          .append(TokenFingerprint.of(text.substring(i, end)))
          .append('»');
      copied = end;
      i = end;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  private static boolean mayHoldSecretMember(String text) {
    return text.contains("\"password\"")
        || text.contains("\"appCertificate\"")
        || text.contains("\"apiKey\"")
        || text.contains("\"secret\"");
  }
}
