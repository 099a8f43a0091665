package dev.tokensandbox.backend.server;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * In LAN mode, control routes answer only to this machine or to a client that sends the pairing
 * code shown on the desktop ({@code X-Pairing-Code} header or {@code pairingCode} query).
 */
final class PairingCheck {
  private final byte[] code;

  PairingCheck(String code) {
    this.code = code.getBytes(StandardCharsets.UTF_8);
  }

  void check(Context ctx) {
    if (isLoopback(ctx.req().getRemoteAddr())) {
      return;
    }
    String given = ctx.header("X-Pairing-Code");
    if (given == null) {
      given = ctx.queryParam("pairingCode");
    }
    if (given == null
        || !MessageDigest.isEqual(code, given.strip().getBytes(StandardCharsets.UTF_8))) {
      throw new ApiError(
          401,
          "pairing_required",
          "X-Pairing-Code",
          "this sandbox is on the LAN: send the pairing code shown on the desktop");
    }
  }

  static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
