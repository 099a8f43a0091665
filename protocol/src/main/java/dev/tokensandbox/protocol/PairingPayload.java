package dev.tokensandbox.protocol;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.util.Locale;

/**
 * What the desktop's pairing QR code carries: {@code tokensandbox://pair?url=<backend
 * URL>&code=<pairing credential>}, the credential being the backend's long pairing secret (or,
 * typed by hand, its six-digit code). The app sends it as {@code X-Pairing-Code} either way. The
 * app also accepts a bare {@code http(s)://} URL (a QR code or a typed address without a code).
 */
public final class PairingPayload {
  public static final String SCHEME = "tokensandbox";

  private final String url;
  private final String code;

  private PairingPayload(String url, String code) {
    this.url = url;
    this.code = code;
  }

  /**
   * The QR text for {@code url} and {@code code}: the pairing secret or code (may be null:
   * loopback, no pairing).
   */
  public static String format(String url, String code) {
    return SCHEME
        + "://pair?url="
        + encode(url)
        + (code == null || code.isEmpty() ? "" : "&code=" + encode(code));
  }

  /**
   * Reads a scanned or typed payload; throws {@link IllegalArgumentException} with a message fit
   * for the UI when it is neither a pairing link nor an http(s) URL.
   */
  public static PairingPayload parse(String text) {
    String input = text == null ? "" : text.trim();
    if (input.isEmpty()) {
      throw new IllegalArgumentException("Pairing: the code is empty");
    }
    URI uri;
    try {
      uri = new URI(input);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Pairing: not a link (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("http") || scheme.equals("https")) {
      return new PairingPayload(input, null);
    }
    if (!scheme.equals(SCHEME) || !"pair".equals(uri.getHost())) {
      throw new IllegalArgumentException(
          "Pairing: expected tokensandbox://pair?url=…&code=… or an http(s) URL");
    }
    String url = null;
    String code = null;
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = pair.substring(0, eq);
      String value = decode(pair.substring(eq + 1));
      if (name.equals("url")) {
        url = value;
      } else if (name.equals("code")) {
        code = value;
      }
    }
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
      throw new IllegalArgumentException("Pairing: the link has no http(s) url parameter");
    }
    if (code != null && !code.matches("[0-9]{6}|[A-Za-z0-9_-]{16,128}")) {
      throw new IllegalArgumentException(
          "Pairing: the code must be 6 digits or the pairing secret of the desktop's QR link");
    }
    return new PairingPayload(url, code);
  }

  /** The backend's base URL. */
  public String url() {
    return url;
  }

  /** The pairing code, or null when the backend did not ask for one. */
  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return "PairingPayload[url=" + url + ", code=" + (code == null ? "none" : "******") + "]";
  }

  private static String encode(String s) {
    try {
      return URLEncoder.encode(s, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError("UTF-8 is always supported", e);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, "UTF-8");
    } catch (UnsupportedEncodingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Pairing: a parameter is not URL-encoded properly");
    }
  }
}
