package dev.tokensandbox.backend.tokens;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Two tokens side by side: every wire field of either, marked where they differ, and in words what
 * a difference means for a renewal. The first token is the one a client joined with, the second the
 * one it renews with (or any two tokens to compare).
 *
 * <p>The bug this is for: a renewal token for another uid, account or channel than the joined one
 * (AgoraIO/Tools issues 160, 178, 417) — {@code renewToken} then fails with 110 / INVALID_TOKEN.
 */
@JsonPropertyOrder({"identical", "fields", "findings"})
public record TokenDiff(boolean identical, List<Row> fields, List<String> findings) {

  /**
   * One field: its dotted path, the value in each token ("" when absent) and whether they differ.
   */
  @JsonPropertyOrder({"field", "first", "second", "differs"})
  public record Row(String field, String first, String second, boolean differs) {}

  public TokenDiff {
    fields = List.copyOf(fields);
    findings = List.copyOf(findings);
  }

  public static TokenDiff of(DecodedToken first, DecodedToken second) {
    Map<String, String> a = flatten(first);
    Map<String, String> b = flatten(second);
    Set<String> keys = new LinkedHashSet<>(a.keySet());
    keys.addAll(b.keySet());
    List<Row> rows = new ArrayList<>();
    for (String key : keys) {
      String left = a.getOrDefault(key, "");
      String right = b.getOrDefault(key, "");
      boolean differs = !Objects.equals(a.get(key), b.get(key));
      rows.add(new Row(key, left, right, differs));
    }
    boolean identical = first.text().equals(second.text());
    return new TokenDiff(identical, rows, findings(first, second, identical));
  }

  /** The rows that differ. */
  public List<Row> differences() {
    return fields.stream().filter(Row::differs).toList();
  }

  private static List<String> findings(DecodedToken first, DecodedToken second, boolean same) {
    List<String> out = new ArrayList<>();
    if (same) {
      out.add("the two tokens are the same token");
      return out;
    }
    if (first.format() != second.format()) {
      out.add(
          "the first is "
              + first.format().displayName()
              + ", the second "
              + second.format().displayName()
              + ": compare tokens of one format");
      return out;
    }
    if (first instanceof AccessToken2Info x && second instanceof AccessToken2Info y) {
      accessToken2(x, y, out);
    } else if (first instanceof AccessToken1Info x && second instanceof AccessToken1Info y) {
      if (!x.appId().equals(y.appId())) {
        out.add(appIdFinding(x.appId(), y.appId()));
      }
      if (x.crcChannel() != y.crcChannel()) {
        out.add(
            "the tokens are for different channels (their CRC32 differ): renewToken with the"
                + " second fails with 110 / INVALID_TOKEN");
      }
      if (x.crcUid() != y.crcUid()) {
        out.add(
            "the tokens are for different uids or accounts (their CRC32 differ): renewToken with"
                + " the second fails with 110 / INVALID_TOKEN");
      }
      if (y.messageTs() < x.messageTs()) {
        out.add("the second token expires before the first: renewing with it shortens the session");
      }
    }
    if (out.isEmpty()) {
      out.add(
          "same app, channel and user: the second token can renew the first"
              + " (only issue time, salt, lifetimes or signature differ)");
    }
    return out;
  }

  private static void accessToken2(AccessToken2Info x, AccessToken2Info y, List<String> out) {
    if (!x.appId().equals(y.appId())) {
      out.add(appIdFinding(x.appId(), y.appId()));
    }
    ServiceInfo rtcX = x.service(ServiceInfo.RTC).orElse(null);
    ServiceInfo rtcY = y.service(ServiceInfo.RTC).orElse(null);
    if (rtcX != null && rtcY != null) {
      String channelX = rtcX.field("channelName").orElse("");
      String channelY = rtcY.field("channelName").orElse("");
      if (!channelX.equals(channelY)) {
        out.add(
            "the second token is for channel "
                + channelWords(channelY)
                + ", the first for "
                + channelWords(channelX)
                + ": renewToken with it fails with 110 / INVALID_TOKEN;"
                + " renew with a token for the channel joined");
      }
      String uidX = rtcX.field("uid").orElse("");
      String uidY = rtcY.field("uid").orElse("");
      if (!uidX.equals(uidY)) {
        out.add(
            "the second token is for "
                + userWords(uidY)
                + ", the first for "
                + userWords(uidX)
                + ": renewToken with it fails with 110 / INVALID_TOKEN;"
                + " renew with a token for the same uid or account as the join");
      }
    } else if (rtcX != null || rtcY != null) {
      out.add(
          (rtcX != null ? "only the first" : "only the second")
              + " token carries an RTC service: the other cannot join or renew an RTC channel");
    }
    for (int type : new int[] {ServiceInfo.RTM, ServiceInfo.CHAT, ServiceInfo.RTM2}) {
      String userX = x.service(type).flatMap(s -> s.field("userId")).orElse(null);
      String userY = y.service(type).flatMap(s -> s.field("userId")).orElse(null);
      if (userX != null && userY != null && !userX.equals(userY)) {
        out.add(
            "the "
                + ServiceInfo.nameOf(type).toUpperCase(java.util.Locale.ROOT)
                + " service is for user \""
                + userY
                + "\" in the second token and \""
                + userX
                + "\" in the first: a renewal must be for the user logged in");
      }
    }
    if (y.expiresAt().isBefore(x.expiresAt())) {
      out.add("the second token expires before the first: renewing with it shortens the session");
    }
  }

  private static String appIdFinding(String first, String second) {
    return "the tokens are for different App IDs ("
        + first
        + " and "
        + second
        + "): a token for another project never renews this one";
  }

  static String userWords(String uid) {
    if (uid.isEmpty()) {
      return "uid 0 (wildcard)";
    }
    if (uid.chars().allMatch(Character::isDigit) && !uid.startsWith("0")) {
      return "uid " + uid;
    }
    return "account \"" + uid + "\"";
  }

  private static String channelWords(String channel) {
    return channel.isEmpty() ? "\"\" (wildcard)" : "\"" + channel + "\"";
  }

  /** Every wire field of {@code token} by dotted path, in wire order. */
  static Map<String, String> flatten(DecodedToken token) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("format", token.format().shortName());
    if (token instanceof AccessToken2Info t) {
      out.put("appId", t.appId());
      out.put("issueTs", Long.toString(t.issueTs()));
      out.put("issuedAt", Instant.ofEpochSecond(t.issueTs()).toString());
      out.put("expire", Long.toString(t.expire()));
      out.put("expiresAt", t.expiresAt().toString());
      out.put("salt", Long.toString(t.salt()));
      for (ServiceInfo s : t.services()) {
        String prefix = s.known() ? s.name() : "service" + s.type();
        s.fields().forEach((k, v) -> out.put(prefix + "." + k, v));
        for (PrivilegeInfo p : s.privileges()) {
          out.put(prefix + "." + p.name(), Long.toString(p.expire()));
        }
      }
    } else if (token instanceof AccessToken1Info t) {
      out.put("appId", t.appId());
      out.put("crcChannelName", Long.toString(t.crcChannel()));
      out.put("crcUid", Long.toString(t.crcUid()));
      out.put("salt", Long.toString(t.salt()));
      out.put("ts", Long.toString(t.messageTs()));
      for (PrivilegeInfo p : t.privileges()) {
        out.put(p.name(), Long.toString(p.expire()));
      }
    } else if (token instanceof JwtInfo t) {
      t.header().forEach((k, v) -> out.put("header." + k, JwtInfo.jsonText(v)));
      t.claims().forEach((k, v) -> out.put("claims." + k, JwtInfo.jsonText(v)));
    }
    out.put("signature", java.util.HexFormat.of().formatHex(signatureOf(token)));
    return out;
  }

  private static byte[] signatureOf(DecodedToken token) {
    if (token instanceof AccessToken2Info t) {
      return t.signature();
    }
    if (token instanceof AccessToken1Info t) {
      return t.signature();
    }
    return ((JwtInfo) token).signature();
  }
}
