package dev.tokensandbox.client.backend;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;

/**
 * The RTC service's verdict on a join or renew: Agora's code (0 ok, 109 token expired, 110 invalid
 * token), its reason, and on success the token's and each privilege's expiry with the service's own
 * time, so a client can schedule against the service's clock rather than its own.
 */
public record RtcCheck(
    int code,
    String reason,
    Instant tokenExpiresAt,
    Map<String, Instant> privilegeExpiresAt,
    boolean canPublish,
    Instant serverTime) {
  public static final int OK = 0;
  public static final int TOKEN_EXPIRED = 109;
  public static final int INVALID_TOKEN = 110;

  public RtcCheck {
    privilegeExpiresAt =
        privilegeExpiresAt == null
            ? Collections.emptyMap()
            : Collections.unmodifiableMap(privilegeExpiresAt);
  }

  public boolean ok() {
    return code == OK;
  }
}
