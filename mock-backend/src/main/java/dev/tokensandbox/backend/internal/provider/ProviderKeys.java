package dev.tokensandbox.backend.internal.provider;

import dev.tokensandbox.backend.internal.http.ApiError;
import dev.tokensandbox.backend.internal.http.Routes;
import dev.tokensandbox.protocol.admin.Fault;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Constant-time API key checks for the provider mocks, honouring the REVOKED_KEY fault. */
final class ProviderKeys {
  private ProviderKeys() {}

  static boolean accepts(Context ctx, String presented, String expected) {
    if (Routes.has(ctx, Fault.REVOKED_KEY) || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  static String bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).strip();
  }

  static ApiError invalidKey(String message) {
    return new ApiError(401, "invalid_api_key", null, message);
  }
}
