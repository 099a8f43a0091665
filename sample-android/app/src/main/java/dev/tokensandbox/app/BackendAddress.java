package dev.tokensandbox.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The customer-backend address the app talks to, as a user types it or a QR code carries it: scheme
 * defaults to http, a missing port to the sandbox's 8080, a trailing slash is dropped. The Android
 * emulator reaches the desktop's loopback at {@code 10.0.2.2}.
 */
public final class BackendAddress {
  /** The emulator's alias for the host machine's loopback interface. */
  public static final String EMULATOR_HOST = "10.0.2.2";

  public static final int DEFAULT_PORT = 8080;

  private final URI uri;

  private BackendAddress(URI uri) {
    this.uri = uri;
  }

  /** {@code http://10.0.2.2:<port>}: the desktop's backend seen from the emulator. */
  public static BackendAddress emulator(int port) {
    return parse("http://" + EMULATOR_HOST + ":" + port);
  }

  /** Parses user input; throws {@link IllegalArgumentException} with a message fit for the UI. */
  public static BackendAddress parse(String input) {
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException(
          "Backend URL: enter an address such as http://192.168.1.20:8080");
    }
    String text = input.strip();
    if (!text.contains("://")) {
      text = "http://" + text;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "Backend URL: not a valid address (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("Backend URL: must start with http:// or https://");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("Backend URL: missing host");
    }
    if (uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
      throw new IllegalArgumentException("Backend URL: remove the query, fragment or user name");
    }
    int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : DEFAULT_PORT) : uri.getPort();
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
    return new BackendAddress(URI.create(scheme + "://" + uri.getHost() + ":" + port + path));
  }

  /** A path on the backend, e.g. {@code resolve("/api/agora/token")}. */
  public String resolve(String path) {
    return uri + (path.startsWith("/") ? path : "/" + path);
  }

  public String host() {
    return uri.getHost();
  }

  public boolean isCleartext() {
    return "http".equals(uri.getScheme());
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
