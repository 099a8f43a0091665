package dev.tokensandbox.backend.internal.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Browsers name the page that sent a request in {@code Origin}; apps, the desktop and curl send
 * none. A request that changes state (anything but GET, HEAD and OPTIONS) or opens a WebSocket is
 * refused when its {@code Origin} is a foreign page: not the sandbox itself (same host and port as
 * the request's {@code Host}) and not one of the {@code --cors} origins. So a web page open on the
 * sandbox's machine cannot drive the sandbox, connect to the device channel or take over a paired
 * phone's commands.
 */
public final class OriginCheck {
  private final List<String> corsOrigins;

  public OriginCheck(List<String> corsOrigins) {
    this.corsOrigins =
        corsOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT).replaceAll("/+$", "")).toList();
  }

  /** Whether a request with this {@code Origin} (null: none) and {@code Host} may go on. */
  public boolean allows(String origin, String host) {
    if (origin == null) {
      return true;
    }
    String o = origin.strip().toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    if (corsOrigins.contains(o)) {
      return true;
    }
    if (o.equals("null") || host == null) {
      return false; // a sandboxed frame or a file:// page, or no Host to compare with
    }
    try {
      URI uri = URI.create(o);
      if (uri.getHost() == null) {
        return false;
      }
      int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
      return (uri.getHost() + ":" + port).equals(withPort(host.toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String withPort(String host) {
    return host.matches(".*:\\d+$") ? host : host + ":80";
  }

  /** Whether {@code method} changes state (the ones a foreign page must not send). */
  public static boolean changesState(String method) {
    return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
  }
}
