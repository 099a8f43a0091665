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
public final class PairingCheck {
  private final byte[] code;

  public PairingCheck(String code) {
    this.code = code.getBytes(StandardCharsets.UTF_8);
  }

  void check(Context ctx) {
    String given = ctx.header("X-Pairing-Code");
    if (given == null) {
      given = ctx.queryParam("pairingCode");
    }
    if (!accepts(ctx.req().getRemoteAddr(), given)) {
      throw new ApiError(
          401,
          "pairing_required",
          "X-Pairing-Code",
          "this sandbox is on the LAN: send the pairing code shown on the desktop");
    }
  }

  /** True for this machine, or for a client that sent the right code (may be null). */
  public boolean accepts(String remoteAddress, String given) {
    return isLoopback(remoteAddress)
        || (given != null
            && MessageDigest.isEqual(code, given.strip().getBytes(StandardCharsets.UTF_8)));
  }

  static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
