package dev.tokensandbox.backend.tokens;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads Agora's packed little-endian fields (u16, u32, u16-length-prefixed bytes) from a bounded
 * payload, failing with the field name and offset instead of running off the end.
 */
final class ByteCursor {
  private final byte[] data;
  private int position;

  ByteCursor(byte[] data) {
    this.data = data;
  }

  int position() {
    return position;
  }

  /** Moves to {@code to} (0..length): back to a mark, or past bytes that are not interpreted. */
  void seek(int to) {
    position = Math.max(0, Math.min(to, data.length));
  }

  int remaining() {
    return data.length - position;
  }

  byte[] slice(int from, int to) {
    return Arrays.copyOfRange(data, from, to);
  }

  int u16(String field) throws MalformedTokenException {
    need(field, 2);
    int value = (data[position] & 0xff) | (data[position + 1] & 0xff) << 8;
    position += 2;
    return value;
  }

  long u32(String field) throws MalformedTokenException {
    need(field, 4);
    long value =
        (data[position] & 0xffL)
            | (data[position + 1] & 0xffL) << 8
            | (data[position + 2] & 0xffL) << 16
            | (data[position + 3] & 0xffL) << 24;
    position += 4;
    return value;
  }

  byte[] bytes(String field) throws MalformedTokenException {
    int start = position;
    int length = u16(field + ".length");
    if (length > remaining()) {
      throw new MalformedTokenException(
          field,
          start,
          DecodeError.PAYLOAD,
          "declares " + length + " bytes but only " + remaining() + " remain");
    }
    byte[] value = Arrays.copyOfRange(data, position, position + length);
    position += length;
    return value;
  }

  String string(String field) throws MalformedTokenException {
    return new String(bytes(field), StandardCharsets.UTF_8);
  }

  private void need(String field, int count) throws MalformedTokenException {
    if (remaining() < count) {
      throw new MalformedTokenException(
          field,
          position,
          DecodeError.PAYLOAD,
          "truncated: needs " + count + " bytes, " + remaining() + " remain");
    }
  }
}
