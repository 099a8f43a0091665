package dev.tokensandbox.backend.traffic;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tokensandbox.protocol.Fingerprint;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Removes secrets from anything the sandbox writes down: tokens (007/006/JWT) become {@code «token
 * tok:1a2b3c4d»} so a journal line still correlates with the issued-token history; session bearers,
 * provider keys, passwords and every registered secret become {@code «redacted»}.
 *
 * <p>Linear in its input and never throws, whatever it is given: tokens are found by a scanner
 * ({@link TokenSpans}), secret JSON members by a hand-written scan (the regex it replaces recursed
 * once per character of the value and overflowed the stack on a few kilobytes), and JSON bodies are
 * redacted on their parsed tree ({@link #redactBody}).
 */
public final class Redactor {
  private static final Pattern KEYS =
      Pattern.compile("sess_[0-9a-fA-F]{8,}|rn_sk_[A-Za-z0-9_]+|chatsdk_[A-Za-z0-9_]+");

  /** JSON members whose value is a secret, whatever it looks like. */
  static final Set<String> SECRET_MEMBERS =
      Set.of("password", "appCertificate", "apiKey", "secret", "pairingCode");

  private static final List<String> QUOTED_SECRET_MEMBERS =
      SECRET_MEMBERS.stream().map(name -> '"' + name + '"').toList();
  private static final String REDACTED = "«redacted»";
  // Exact decimals, so a body's numbers are written back as they came (1.50 stays 1.50).
  private static final ObjectMapper JSON =
      com.fasterxml.jackson.databind.json.JsonMapper.builder()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(
              com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private final Set<String> secrets = new CopyOnWriteArraySet<>();

  /** Registers a literal secret (certificate, JWT secret, …); short strings are ignored. */
  public void addSecret(String secret) {
    if (secret != null && secret.length() >= 8) {
      secrets.add(secret);
    }
  }

  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, REDACTED);
    }
    // Each pattern runs only where its fixed prefix occurs: most text the journal sees (paths,
    // user agents, small JSON) holds none, and a regex scan per pattern per string was a tenth of
    // the server's time on the token routes.
    out = replaceTokens(out);
    if (out.contains("sess_") || out.contains("rn_sk_") || out.contains("chatsdk_")) {
      out = KEYS.matcher(out).replaceAll(REDACTED);
    }
    return redactSecretMembers(out);
  }

  /**
   * A request target ({@code path} and raw {@code query}, either may be null) as the journal shows
   * it: each piece is percent-decoded before it is scanned, so a token or secret cannot hide behind
   * {@code %2F} or {@code %22}; a piece with nothing to redact is kept exactly as sent, one with
   * something is shown decoded and redacted. A query parameter named like a secret member ({@code
   * password}, {@code apiKey}, …) has its value redacted whatever it holds.
   */
  public String redactTarget(String path, String query) {
    String target = redactEncoded(path == null ? "" : path);
    return query == null ? target : target + "?" + redactQuery(query);
  }

  /**
   * A query string or form-encoded body ({@code a=1&password=…}): each name and value scanned
   * percent-decoded; a value named like a secret member redacted whatever it holds.
   */
  public String redactQuery(String query) {
    StringBuilder out = new StringBuilder(query.length());
    int start = 0;
    while (start <= query.length()) {
      int amp = query.indexOf('&', start);
      int end = amp < 0 ? query.length() : amp;
      String pair = query.substring(start, end);
      int eq = pair.indexOf('=');
      if (eq < 0) {
        out.append(redactEncoded(pair));
      } else {
        String name = pair.substring(0, eq);
        out.append(redactEncoded(name)).append('=');
        out.append(
            SECRET_MEMBERS.contains(decoded(name)) && eq < pair.length() - 1
                ? REDACTED
                : redactEncoded(pair.substring(eq + 1)));
      }
      if (amp < 0) {
        break;
      }
      out.append('&');
      start = amp + 1;
    }
    return out.toString();
  }

  private String redactEncoded(String raw) {
    String fromRaw = redact(raw);
    String plain = decoded(raw);
    if (plain.equals(raw)) {
      return fromRaw;
    }
    String fromPlain = redact(plain);
    // Nothing in the decoded text: keep the piece as sent (still scanned raw, for a secret
    // registered in its encoded form).
    if (fromPlain.equals(plain)) {
      return fromRaw;
    }
    // Both readings may find a secret: a '+' is a space in a query but a base64 character of a
    // token sent as text (the seeds answer bare tokens, which look like "name=" forms). Keep the
    // reading that leaves less of the text in the clear: decoding cuts such a token at its '+' and
    // would show the rest, while a token behind %2F is whole only decoded.
    return fromRaw.equals(raw) || exposed(fromPlain) <= exposed(fromRaw) ? fromPlain : fromRaw;
  }

  /** Percent- and plus-decoded as a query would be; text that is not valid encoding as it is. */
  private static String decoded(String raw) {
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
      return raw;
    }
    try {
      return java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return raw;
    }
  }

  /**
   * A request or answer body: when it is JSON, redacted on its parsed tree (a secret member's whole
   * value, whatever its type; every string and member name through {@link #redact}) and written
   * back compact; otherwise as text.
   */
  public String redactBody(String body) {
    if (body == null || body.isEmpty()) {
      return body;
    }
    if (!looksLikeJson(body)) {
      if (!looksLikeForm(body)) {
        return redact(body);
      }
      // A bare token ("007eJx…fg=") looks like a form too: keep the reading that leaves less in
      // the clear (a form's "password=hunter2" is redacted only as a form).
      String asForm = redactQuery(body);
      String asText = redact(body);
      return exposed(asText) < exposed(asForm) ? asText : asForm;
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(body);
    } catch (JacksonException | RuntimeException notJson) {
      return redact(body); // malformed, too deep or too long for the parser: as text
    }
    if (tree == null || !tree.isContainerNode()) {
      return redact(body);
    }
    try {
      return JSON.writeValueAsString(redactTree(tree));
    } catch (JacksonException | RuntimeException e) {
      return redact(body);
    }
  }

  private JsonNode redactTree(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JSON.createObjectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String name = field.getKey();
        JsonNode value = field.getValue();
        out.set(
            redact(name),
            SECRET_MEMBERS.contains(name) && !value.isNull()
                ? TextNode.valueOf(REDACTED)
                : redactTree(value));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JSON.createArrayNode();
      for (JsonNode element : node) {
        out.add(redactTree(element));
      }
      return out;
    }
    if (node.isTextual()) {
      String text = node.textValue();
      String redacted = redact(text);
      return redacted.equals(text) ? node : TextNode.valueOf(redacted);
    }
    return node;
  }

  /** {@code name=value&…} with no spaces or line breaks: a form-encoded body. */
  private static boolean looksLikeForm(String body) {
    if (body.indexOf('=') <= 0 || body.length() > 64 * 1024) {
      return false;
    }
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (Character.isWhitespace(c) || c == '{' || c == '"') {
        return false;
      }
    }
    return true;
  }

  private static final java.util.regex.Pattern MARKER = java.util.regex.Pattern.compile("«[^»]*»");

  /** How much of a redacted text is still in the clear: its length without the markers. */
  private static int exposed(String redacted) {
    return MARKER.matcher(redacted).replaceAll("").length();
  }

  private static boolean looksLikeJson(String body) {
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  private static String replaceTokens(String text) {
    StringBuilder out = null;
    TokenSpans.Scanner scanner = TokenSpans.in(text);
    int copied = 0;
    int i = 0;
    while (i < text.length()) {
      int end = scanner.endOfTokenAt(i);
      if (end < 0) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, i)
          .append("«token ")
          .append(Fingerprint.of(text.substring(i, end)))
          .append('»');
      copied = end;
      i = end;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /**
   * Replaces the string value of every {@code "password"}, {@code "appCertificate"}, {@code
   * "apiKey"} and {@code "secret"} member in JSON-like text, in one pass: name, optional
   * whitespace, colon, whitespace, then the quoted value up to its closing quote (escapes
   * honoured). A value cut off before its closing quote (a clipped body) is redacted to the end.
   */
  static String redactSecretMembers(String text) {
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    int[] next = new int[QUOTED_SECRET_MEMBERS.size()]; // where each name occurs next (or -1)
    java.util.Arrays.fill(next, -2); // not searched yet
    while (true) {
      int name = nextSecretName(text, from, next);
      if (name < 0) {
        break;
      }
      int i = text.indexOf('"', name + 1) + 1; // just past the name's closing quote
      i = skipWhitespace(text, i);
      if (i >= text.length() || text.charAt(i) != ':') {
        from = name + 1;
        continue;
      }
      i = skipWhitespace(text, i + 1);
      if (i >= text.length() || text.charAt(i) != '"') {
        from = name + 1;
        continue;
      }
      int valueStart = i + 1;
      int valueEnd = endOfString(text, valueStart);
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, valueStart).append(REDACTED);
      if (valueEnd < text.length()) {
        out.append('"');
        copied = valueEnd + 1;
      } else {
        copied = text.length();
      }
      from = copied;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /**
   * The first secret name at or after {@code from}. Each name is searched again only once the
   * search has passed its last occurrence, so every name's search moves forward through the text
   * once in all: linear, however many near-misses it holds.
   */
  private static int nextSecretName(String text, int from, int[] next) {
    int best = -1;
    for (int k = 0; k < next.length; k++) {
      if (next[k] == -2 || (next[k] >= 0 && next[k] < from)) {
        next[k] = text.indexOf(QUOTED_SECRET_MEMBERS.get(k), from);
      }
      if (next[k] >= 0 && (best < 0 || next[k] < best)) {
        best = next[k];
      }
    }
    return best;
  }

  private static int skipWhitespace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The index of the closing quote of a string whose content starts at {@code i}, or length. */
  private static int endOfString(String text, int i) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i;
      } else {
        i++;
      }
    }
    return text.length();
  }
}
