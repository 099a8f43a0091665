package dev.tokensandbox.junit;

import dev.tokensandbox.backend.tokens.AccessToken1Info;
import dev.tokensandbox.backend.tokens.AccessToken2Info;
import dev.tokensandbox.backend.tokens.DecodeError;
import dev.tokensandbox.backend.tokens.DecodeResult;
import dev.tokensandbox.backend.tokens.DecodedToken;
import dev.tokensandbox.backend.tokens.JwtInfo;
import dev.tokensandbox.backend.tokens.LintWarning;
import dev.tokensandbox.backend.tokens.PrivilegeInfo;
import dev.tokensandbox.backend.tokens.ServiceInfo;
import dev.tokensandbox.backend.tokens.TokenDecoder;
import dev.tokensandbox.backend.tokens.TokenLinter;
import dev.tokensandbox.backend.tokens.TokenVerifier;
import dev.tokensandbox.backend.tokens.VerificationKeys;
import dev.tokensandbox.backend.workspace.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A token as a test reads it, in plain types: its format, what it is for, when it and each of its
 * privileges end, whether it verifies with the sandbox's credentials, and the lint codes it trips.
 * {@code decoded()} is false (and {@code error()} says why) for text that is not a token.
 *
 * @param format {@code 007}, {@code 006}, {@code JWT} or {@code ?}
 * @param services the AccessToken2 services by name ({@code rtc}, {@code rtm}, …)
 * @param channel the RTC channel ("" = any), or null
 * @param uid the RTC uid as the token carries it ("" = uid 0, the wildcard), or null
 * @param userId the RTM/Chat user, or the JWT's {@code sub}, or null
 * @param privileges each privilege's end ({@code rtc.joinChannel} → instant)
 * @param verdict {@code VALID}, {@code INVALID} or {@code NOT_VERIFIED}
 * @param lint the lint codes ({@code TOKEN_EXPIRED}, {@code WILDCARD_UID}, …)
 */
public record TokenView(
    boolean decoded,
    String error,
    String format,
    String appId,
    Instant issuedAt,
    Instant expiresAt,
    List<String> services,
    String channel,
    String uid,
    String userId,
    Map<String, Instant> privileges,
    String verdict,
    List<String> lint) {

  public TokenView {
    services = List.copyOf(services);
    privileges = Collections.unmodifiableMap(new LinkedHashMap<>(privileges));
    lint = List.copyOf(lint);
  }

  /** The signature matched the sandbox's credentials. */
  public boolean valid() {
    return "VALID".equals(verdict);
  }

  /** Whether the token has run out at {@code at}. */
  public boolean expiredAt(Instant at) {
    return expiresAt != null && !at.isBefore(expiresAt);
  }

  static TokenView of(String text, Workspace workspace, Clock clock) {
    DecodeResult result = TokenDecoder.decode(text);
    if (result instanceof DecodeError e) {
      return new TokenView(
          false,
          e.message(),
          e.format().shortName(),
          null,
          null,
          null,
          List.of(),
          null,
          null,
          null,
          Map.of(),
          "NOT_VERIFIED",
          List.of());
    }
    DecodedToken token = (DecodedToken) result;
    List<String> services = new ArrayList<>();
    Map<String, Instant> privileges = new LinkedHashMap<>();
    String appId = null;
    Instant issued = null;
    Instant expires = null;
    String channel = null;
    String uid = null;
    String user = null;
    VerificationKeys keys = VerificationKeys.certificate(workspace.appCertificate());
    if (token instanceof AccessToken2Info t) {
      appId = t.appId();
      issued = t.issuedAt();
      expires = t.expiresAt();
      for (ServiceInfo s : t.services()) {
        services.add(s.name());
        for (PrivilegeInfo p : s.privileges()) {
          privileges.put(s.name() + "." + p.name(), t.privilegeExpiresAt(p));
        }
        if (s.type() == ServiceInfo.RTC) {
          channel = s.field("channelName").orElse(null);
          uid = s.field("uid").orElse(null);
        } else if (user == null) {
          user = s.field("userId").orElse(null);
        }
      }
    } else if (token instanceof AccessToken1Info t) {
      appId = t.appId();
      expires = t.messageExpiresAt();
      for (PrivilegeInfo p : t.privileges()) {
        privileges.put(p.name(), Instant.ofEpochSecond(p.expire()));
      }
    } else if (token instanceof JwtInfo t) {
      issued = t.numericClaim("iat").map(Instant::ofEpochSecond).orElse(null);
      expires = t.numericClaim("exp").map(Instant::ofEpochSecond).orElse(null);
      user = t.stringClaim("sub").orElse(null);
      keys =
          VerificationKeys.jwtSecret(
              workspace.jwtSecretForAudience(t.stringClaim("aud").orElse("")));
    }
    List<String> lint =
        new TokenLinter(clock).lint(token).stream().map(LintWarning::code).map(Enum::name).toList();
    return new TokenView(
        true,
        null,
        token.format().shortName(),
        appId,
        issued,
        expires,
        services,
        channel,
        uid,
        user,
        privileges,
        TokenVerifier.verify(token, keys).verdict().name(),
        lint);
  }
}
