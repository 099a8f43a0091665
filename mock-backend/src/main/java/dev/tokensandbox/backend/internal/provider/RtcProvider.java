package dev.tokensandbox.backend.internal.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensandbox.backend.internal.http.ApiError;
import dev.tokensandbox.backend.internal.http.Http;
import dev.tokensandbox.backend.internal.http.Routes;
import dev.tokensandbox.backend.tokens.AccessToken2Info;
import dev.tokensandbox.backend.tokens.AgoraCredentials;
import dev.tokensandbox.backend.tokens.DecodeResult;
import dev.tokensandbox.backend.tokens.PrivilegeInfo;
import dev.tokensandbox.backend.tokens.ServiceInfo;
import dev.tokensandbox.backend.tokens.TokenDecoder;
import dev.tokensandbox.backend.tokens.TokenRules;
import dev.tokensandbox.backend.tokens.TokenVerifier;
import dev.tokensandbox.backend.tokens.Verification;
import dev.tokensandbox.backend.tokens.VerificationKeys;
import dev.tokensandbox.protocol.Route;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mock of the RTC service's token checks: {@code POST /provider/rtc/join} and {@code
 * /provider/rtc/renew} with {@code {token, channelName, uid | userAccount, role}}. They verify what
 * the real service verifies — format (AccessToken2 only, as Shengwang's service), signature, App
 * ID, channel, uid (numeric vs account; uid 0 needs the wildcard ""), token and join-privilege
 * expiry, publish privileges for a publisher — and answer Agora's codes: 0 ok, 109 token expired,
 * 110 invalid token, with the expiries the client must schedule against.
 */
public final class RtcProvider {
  private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d+");
  public static final int OK = 0;
  public static final int TOKEN_EXPIRED = 109;
  public static final int INVALID_TOKEN = 110;

  private final AgoraCredentials credentials;
  private final Clock clock;

  public RtcProvider(AgoraCredentials credentials, Clock clock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  public void register(Routes routes) {
    routes.add(Route.RTC_JOIN, ctx -> answer(ctx, "join"));
    routes.add(Route.RTC_RENEW, ctx -> answer(ctx, "renew"));
  }

  private void answer(Context ctx, String action) {
    JsonNode body = Http.objectBody(ctx);
    String token = Http.text(body, "token", 16 * 1024);
    if (token == null || token.isBlank()) {
      throw ApiError.badRequest("token", "is required");
    }
    String channel = Http.text(body, "channelName", 64);
    if (channel == null) {
      throw ApiError.badRequest("channelName", "is required");
    }
    TokenRules.channel("channelName", channel, false);
    String account = Http.text(body, "userAccount", 255);
    JsonNode uidNode = body.get("uid");
    if (account == null && (uidNode == null || !uidNode.isIntegralNumber())) {
      throw ApiError.badRequest("uid", "is required as a number (or give userAccount)");
    }
    String identity =
        account != null
            ? TokenRules.account("userAccount", account)
            : Long.toString(TokenRules.uid("uid", uidNode.asLong()));
    boolean publisher = !"subscriber".equalsIgnoreCase(Http.text(body, "role", 16));
    Map<String, Object> out = check(token, channel, identity, account != null, publisher);
    out.put("action", action);
    Http.json(ctx, (int) out.get("code") == OK ? 200 : 401, out);
  }

  Map<String, Object> check(
      String token, String channel, String identity, boolean isAccount, boolean publisher) {
    DecodeResult decoded = TokenDecoder.decode(token);
    if (!(decoded instanceof AccessToken2Info t)) {
      return reject(INVALID_TOKEN, "not an AccessToken2 (007) token");
    }
    if (!t.appId().equalsIgnoreCase(credentials.appId())) {
      return reject(INVALID_TOKEN, "token is for another App ID");
    }
    if (TokenVerifier.verify(t, VerificationKeys.certificate(credentials.appCertificate()))
            .verdict()
        != Verification.Verdict.VALID) {
      return reject(
          INVALID_TOKEN,
          "signature does not match the App Certificate: the token was signed with another"
              + " certificate than the one given here — check which one your server signs with");
    }
    ServiceInfo rtc = t.service(ServiceInfo.RTC).orElse(null);
    if (rtc == null) {
      return reject(INVALID_TOKEN, "token has no RTC service");
    }
    String tokenChannel = rtc.field("channelName").orElse("");
    if (!tokenChannel.isEmpty() && !tokenChannel.equals(channel)) {
      return reject(
          INVALID_TOKEN, "token is for channel \"" + tokenChannel + "\", not \"" + channel + "\"");
    }
    String tokenUid = rtc.field("uid").orElse("");
    boolean wildcard = tokenUid.isEmpty();
    if (!wildcard && !isAccount && "0".equals(identity)) {
      return reject(
          INVALID_TOKEN,
          "token is for user account \"" + tokenUid + "\"; uid 0 joins with the wildcard \"\"");
    }
    if (!wildcard && !tokenUid.equals(identity)) {
      return reject(
          INVALID_TOKEN,
          "token is for "
              + (DIGITS.matcher(tokenUid).matches() ? "uid " : "user account ")
              + tokenUid
              + ", not "
              + (isAccount ? "user account " : "uid ")
              + identity);
    }
    Instant now = clock.instant();
    if (!now.isBefore(t.expiresAt())) {
      return reject(TOKEN_EXPIRED, "token expired at " + t.expiresAt());
    }
    PrivilegeInfo join = rtc.privilege(1).orElse(null);
    if (join == null) {
      return reject(INVALID_TOKEN, "token grants no joinChannel privilege");
    }
    if (!now.isBefore(t.privilegeExpiresAt(join))) {
      return reject(
          TOKEN_EXPIRED, "joinChannel privilege expired at " + t.privilegeExpiresAt(join));
    }
    Map<String, Object> privileges = new LinkedHashMap<>();
    for (PrivilegeInfo p : rtc.privileges()) {
      privileges.put(p.name(), t.privilegeExpiresAt(p).getEpochSecond());
    }
    boolean canPublish =
        rtc.privileges().stream()
            .anyMatch(p -> p.id() >= 2 && p.id() <= 4 && now.isBefore(t.privilegeExpiresAt(p)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("code", OK);
    out.put("reason", "ok");
    out.put("tokenExpiresAt", t.expiresAt().getEpochSecond());
    out.put("privilegeExpiresAt", privileges);
    out.put("canPublish", canPublish);
    out.put("publishDenied", publisher && !canPublish);
    out.put("serverTime", now.getEpochSecond());
    out.put("serverTimeMs", now.toEpochMilli());
    return out;
  }

  private static Map<String, Object> reject(int code, String reason) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("code", code);
    out.put("reason", reason);
    return out;
  }
}
