package dev.tokensandbox.protocol.admin;

import java.util.Map;

/**
 * One request and answer as they were on the wire (bodies clipped), kept in memory for an explicit
 * "Reveal". {@link #toString()} never shows them.
 */
public record Exchange(
    Map<String, String> requestHeaders, String requestBody, String responseBody) {
  @Override
  public String toString() {
    return "Exchange[unredacted, " + requestHeaders.size() + " headers]";
  }
}
