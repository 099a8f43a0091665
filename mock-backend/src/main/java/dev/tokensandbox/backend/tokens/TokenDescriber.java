package dev.tokensandbox.backend.tokens;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Turns a decoded token into its field tree with raw and human values (relative to the clock). */
public final class TokenDescriber {
  private static final java.util.regex.Pattern NUMERIC_UID =
      java.util.regex.Pattern.compile("[1-9]\\d{0,9}");
  private final Clock clock;

  public TokenDescriber(Clock clock) {
    this.clock = clock;
  }

  public List<TokenField> describe(DecodedToken token) {
    if (token instanceof AccessToken2Info t) {
      return describe007(t);
    }
    if (token instanceof AccessToken1Info t) {
      return describe006(t);
    }
    return describeJwt((JwtInfo) token);
  }

  private List<TokenField> describe007(AccessToken2Info t) {
    List<TokenField> fields = new ArrayList<>();
    fields.add(TokenField.leaf("version", "Version", "007", "AccessToken2"));
    fields.add(TokenField.leaf("appId", "App ID", t.appId(), appIdHuman(t.appId())));
    fields.add(
        TokenField.leaf("issueTs", "Issued", Long.toString(t.issueTs()), time(t.issuedAt())));
    fields.add(
        TokenField.leaf(
            "expire",
            "Expires",
            Long.toString(t.expire()),
            "+"
                + TimeText.lifetime(t.expire())
                + " → "
                + time(t.expiresAt())
                + ", "
                + TimeText.expiry(clock.instant(), t.expiresAt())));
    fields.add(
        TokenField.leaf(
            "salt",
            "Salt",
            Long.toString(t.salt()),
            "random per token; with the issue time it re-issues this exact token (issue …"
                + " --issued-at "
                + t.issueTs()
                + " --salt "
                + t.salt()
                + ")"));
    List<TokenField> services = new ArrayList<>();
    for (ServiceInfo service : t.services()) {
      services.add(service(t, service));
    }
    fields.add(TokenField.group("services", "Services", services.size() + " service(s)", services));
    fields.add(signature(t.signature(), "HMAC-SHA256"));
    return fields;
  }

  private TokenField service(AccessToken2Info t, ServiceInfo service) {
    List<TokenField> children = new ArrayList<>();
    for (Map.Entry<String, String> field : service.fields().entrySet()) {
      children.add(serviceField(service, field.getKey(), field.getValue()));
    }
    List<TokenField> privileges = new ArrayList<>();
    for (PrivilegeInfo p : service.privileges()) {
      Instant at = t.privilegeExpiresAt(p);
      privileges.add(
          TokenField.leaf(
              p.name(),
              p.name() + " (" + p.id() + ")",
              Long.toString(p.expire()),
              (p.expire() == 0
                  ? "0 = no limit of its own: the token's expiry applies"
                  : "+"
                      + TimeText.lifetime(p.expire())
                      + " → "
                      + time(at)
                      + ", "
                      + TimeText.expiry(clock.instant(), at))));
    }
    children.add(
        TokenField.group(
            "privileges", "Privileges", privileges.size() + " privilege(s)", privileges));
    return new TokenField(
        service.known() ? service.name() : "service" + service.type(),
        service.known()
            ? service.name().toUpperCase(java.util.Locale.ROOT) + " service"
            : "Unknown service " + service.type(),
        Integer.toString(service.type()),
        service.known()
            ? "type " + service.type()
            : "type " + service.type() + ": not a type of the official builders the sandbox knows",
        children);
  }

  private static TokenField serviceField(ServiceInfo service, String key, String value) {
    String human;
    if ("channelName".equals(key)) {
      human = value.isEmpty() ? "\"\" = wildcard: any channel" : "\"" + value + "\"";
    } else if ("uid".equals(key) && service.type() == ServiceInfo.RTC) {
      human = uidHuman(value);
    } else if (ServiceInfo.UNDECODED_BYTES.equals(key) && !service.known()) {
      human =
          value
              + " bytes not decoded: this type's own fields (and any later service) are not known"
              + " here; the official parsers stop at it too, and the signature still covers them";
    } else if (key.startsWith("permissions.")) {
      human = value;
    } else {
      human = "\"" + value + "\"";
    }
    return TokenField.leaf(key, key, value, human);
  }

  static String uidHuman(String uid) {
    if (uid.isEmpty()) {
      return "\"\" = uid 0, wildcard: any user";
    }
    if ("0".equals(uid)) {
      return "user account \"0\", not the wildcard (the official builders write uid 0 as \"\")";
    }
    if (NUMERIC_UID.matcher(uid).matches() && Long.parseLong(uid) <= TokenRules.MAX_UID) {
      return "numeric uid " + uid + " (or user account \"" + uid + "\"; 007 stores both as text)";
    }
    return "user account \"" + uid + "\"";
  }

  private List<TokenField> describe006(AccessToken1Info t) {
    List<TokenField> fields = new ArrayList<>();
    fields.add(TokenField.leaf("version", "Version", "006", "AccessToken v1 (legacy)"));
    fields.add(TokenField.leaf("appId", "App ID", t.appId(), appIdHuman(t.appId())));
    fields.add(
        TokenField.leaf(
            "ts",
            "Expires",
            Long.toString(t.messageTs()),
            time(t.messageExpiresAt())
                + ", "
                + TimeText.expiry(clock.instant(), t.messageExpiresAt())
                + " (official builders set issue time + 24 h)"));
    fields.add(TokenField.leaf("salt", "Salt", Long.toString(t.salt()), "random per token"));
    fields.add(
        TokenField.leaf(
            "crcChannelName",
            "Channel (CRC32)",
            Long.toString(t.crcChannel()),
            t.crcChannel() == 0
                ? "CRC32 of \"\" = wildcard: any channel"
                : "only a checksum: give a channel guess to check it"));
    fields.add(
        TokenField.leaf(
            "crcUid",
            "Uid (CRC32)",
            Long.toString(t.crcUid()),
            t.crcUid() == 0
                ? "CRC32 of \"\" = uid 0, wildcard: any user"
                : "only a checksum: give a uid guess to check it"));
    List<TokenField> privileges = new ArrayList<>();
    for (PrivilegeInfo p : t.privileges()) {
      String human =
          p.expire() == 0
              ? "0 = never expires"
              : time(Instant.ofEpochSecond(p.expire()))
                  + ", "
                  + TimeText.expiry(clock.instant(), Instant.ofEpochSecond(p.expire()));
      privileges.add(
          TokenField.leaf(
              p.name(),
              p.name() + " (" + p.id() + ")",
              Long.toString(p.expire()),
              "absolute: " + human));
    }
    fields.add(
        TokenField.group(
            "privileges", "Privileges", privileges.size() + " privilege(s)", privileges));
    fields.add(signature(t.signature(), "HMAC-SHA256 over appId+channel+uid+message"));
    return fields;
  }

  private List<TokenField> describeJwt(JwtInfo t) {
    List<TokenField> fields = new ArrayList<>();
    fields.add(TokenField.group("header", "Header", "alg " + t.algorithm(), json(t.header())));
    List<TokenField> claims = new ArrayList<>();
    for (Map.Entry<String, Object> claim : t.claims().entrySet()) {
      claims.add(claim(claim.getKey(), claim.getValue()));
    }
    fields.add(TokenField.group("claims", "Claims", claims.size() + " claim(s)", claims));
    fields.add(signature(t.signature(), t.algorithm()));
    return fields;
  }

  private TokenField claim(String key, Object value) {
    if (value instanceof Number n
        && (key.equals("exp") || key.equals("iat") || key.equals("nbf"))) {
      long seconds = n.longValue();
      if (seconds >= TokenLinter.JWT_MILLIS_THRESHOLD) {
        return TokenField.leaf(
            key,
            key,
            String.valueOf(value),
            "looks like milliseconds: " + Instant.ofEpochMilli(seconds));
      }
      Instant at = Instant.ofEpochSecond(seconds);
      String human = time(at);
      if (key.equals("exp")) {
        human += ", " + TimeText.expiry(clock.instant(), at);
      }
      return TokenField.leaf(key, key, String.valueOf(value), human);
    }
    String text = JwtInfo.jsonText(value);
    return TokenField.leaf(key, key, text, text);
  }

  private static List<TokenField> json(Map<String, Object> object) {
    List<TokenField> fields = new ArrayList<>();
    object.forEach(
        (k, v) -> fields.add(TokenField.leaf(k, k, JwtInfo.jsonText(v), JwtInfo.jsonText(v))));
    return fields;
  }

  private static TokenField signature(byte[] signature, String algorithm) {
    return TokenField.leaf(
        "signature",
        "Signature",
        HexFormat.of().formatHex(signature),
        signature.length + " bytes, " + algorithm);
  }

  private static String appIdHuman(String appId) {
    return AgoraCredentials.looksValid(appId)
        ? "32 hex characters"
        : "not a valid App ID (expected 32 hex characters)";
  }

  private String time(Instant at) {
    return TimeText.absolute(at, clock.getZone());
  }
}
