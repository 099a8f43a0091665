package dev.tokensandbox.backend.internal.http;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an error may repeat of a client's header or method: only a value of the shape that field
 * has, short enough to hold no secret. A longer or odd value is "not shown" — the journal keeps the
 * answer, and a clipped piece of a token there is no longer recognisable as a token to redact.
 */
final class Echo {
  private Echo() {}

  /** A media type as {@code type/subtype}: letters, digits and {@code . + -}, 60 at most. */
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-z][a-z0-9.+-]{0,19}/[a-z0-9][a-z0-9.+-]{0,39}");

  /** A method name as the registered ones are spelt: capitals and dashes, 17 at most. */
  private static final Pattern METHOD = Pattern.compile("[A-Z][A-Z-]{0,16}");

  /** The media type of a {@code Content-Type} value, without its parameters, if plain. */
  static Optional<String> mediaType(String contentType) {
    String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return MEDIA_TYPE.matcher(media).matches() ? Optional.of(media) : Optional.empty();
  }

  /** The method, if it looks like one. */
  static Optional<String> method(String method) {
    return METHOD.matcher(method).matches() ? Optional.of(method) : Optional.empty();
  }
}
