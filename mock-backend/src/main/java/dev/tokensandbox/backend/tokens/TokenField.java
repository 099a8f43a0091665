package dev.tokensandbox.backend.tokens;

import java.util.List;

/**
 * One line of a decoded token's field tree: a stable key, a label, the raw value as it is on the
 * wire and its human reading. The CLI, the JSON output and the desktop's tree all show this.
 */
public record TokenField(
    String key, String label, String raw, String human, List<TokenField> children) {

  public TokenField {
    children = List.copyOf(children);
  }

  public static TokenField leaf(String key, String label, String raw, String human) {
    return new TokenField(key, label, raw, human, List.of());
  }

  public static TokenField group(
      String key, String label, String human, List<TokenField> children) {
    return new TokenField(key, label, "", human, children);
  }

  /** The child with {@code key}, searched by a dotted path such as {@code services.rtc.uid}. */
  public static java.util.Optional<TokenField> find(List<TokenField> fields, String path) {
    int dot = path.indexOf('.');
    String head = dot < 0 ? path : path.substring(0, dot);
    for (TokenField field : fields) {
      if (field.key().equals(head)) {
        return dot < 0
            ? java.util.Optional.of(field)
            : find(field.children(), path.substring(dot + 1));
      }
    }
    return java.util.Optional.empty();
  }
}
