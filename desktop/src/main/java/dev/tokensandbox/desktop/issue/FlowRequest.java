package dev.tokensandbox.desktop.issue;

/**
 * One request to the customer backend exactly as the Issue screen sends it: method, path with its
 * query, JSON body (empty for GET) and whether a demo login must come first. The same record
 * produces the "copy as curl" text, so the copied command is the request that made the token.
 */
public record FlowRequest(String method, String pathAndQuery, String jsonBody, boolean login) {
  /** The demo user the screen logs in as when a flow needs a customer session. */
  public static final String DEMO_USER = "alice";

  public static final String DEMO_PASSWORD = "alice-demo";

  /**
   * A shell command that repeats this request against {@code baseUrl}: a login step first when the
   * flow needs a session (the session itself is never written into the command).
   */
  public String curl(String baseUrl) {
    StringBuilder out = new StringBuilder();
    String auth = "";
    if (login) {
      out.append("S=$(curl -sS -X POST ")
          .append(quote(baseUrl + dev.tokensandbox.protocol.Route.AUTH_LOGIN.path()))
          .append(" -H 'Content-Type: application/json' -d ")
          .append(
              quote("{\"username\":\"" + DEMO_USER + "\",\"password\":\"" + DEMO_PASSWORD + "\"}"))
          .append(" | sed 's/.*\"sessionToken\":\"\\([^\"]*\\)\".*/\\1/')\n");
      auth = " -H \"Authorization: Bearer $S\"";
    }
    out.append("curl -sS");
    if (!method.equals("GET")) {
      out.append(" -X ").append(method);
    }
    out.append(' ').append(quote(baseUrl + pathAndQuery)).append(auth);
    if (!jsonBody.isEmpty()) {
      out.append(" -H 'Content-Type: application/json' -d ").append(quote(jsonBody));
    }
    return out.toString();
  }

  /** POSIX single quoting: safe for any text, including quotes and $. */
  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
