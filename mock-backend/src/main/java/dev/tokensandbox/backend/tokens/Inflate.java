package dev.tokensandbox.backend.tokens;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** zlib inflation with a hard cap on the output size, so a zip bomb costs nothing. */
final class Inflate {
  private Inflate() {}

  static byte[] capped(String field, byte[] compressed, int maxBytes)
      throws MalformedTokenException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(compressed);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 4096));
      byte[] chunk = new byte[4096];
      while (!inflater.finished()) {
        int n = inflater.inflate(chunk);
        if (n == 0 && !inflater.finished()) {
          // No progress: the input ran out (or wants a preset dictionary) before the stream ended.
          throw new MalformedTokenException(
              field,
              compressed.length,
              DecodeError.PAYLOAD,
              "compressed data is truncated (zlib stream has no end)");
        }
        if (out.size() + n > maxBytes) {
          throw new MalformedTokenException(
              field,
              maxBytes,
              DecodeError.PAYLOAD,
              "inflates to more than " + maxBytes + " bytes; refusing (zip bomb?)");
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new MalformedTokenException(
          field, 0, DecodeError.PAYLOAD, "not zlib-compressed data (" + e.getMessage() + ")");
    } finally {
      inflater.end();
    }
  }
}
