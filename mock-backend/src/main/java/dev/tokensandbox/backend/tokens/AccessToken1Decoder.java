package dev.tokensandbox.backend.tokens;

import java.util.ArrayList;
import java.util.List;

/** Parses {@code 006} + appId + base64(signature, crc(channel), crc(uid), message). */
final class AccessToken1Decoder {
  private static final int APP_ID_LENGTH = 32;

  private AccessToken1Decoder() {}

  static AccessToken1Info decode(String text) throws MalformedTokenException {
    if (text.length() < 3 + APP_ID_LENGTH) {
      throw new MalformedTokenException(
          "appId",
          text.length(),
          DecodeError.TEXT,
          "truncated: a 006 token starts with a 32-character App ID");
    }
    String appId = text.substring(3, 3 + APP_ID_LENGTH);
    byte[] content =
        TokenText.base64("payload", text.substring(3 + APP_ID_LENGTH), 3 + APP_ID_LENGTH, false);
    ByteCursor in = new ByteCursor(content);
    byte[] signature = in.bytes("signature");
    long crcChannel = in.u32("crcChannelName");
    long crcUid = in.u32("crcUid");
    int messageOffset = in.position();
    byte[] rawMessage = in.bytes("message");
    if (in.remaining() > 0) {
      throw new MalformedTokenException(
          "message",
          in.position(),
          DecodeError.PAYLOAD,
          in.remaining() + " unexpected bytes after the message");
    }
    ByteCursor message = new ByteCursor(rawMessage);
    try {
      long salt = message.u32("message.salt");
      long ts = message.u32("message.ts");
      int count = message.u16("message.privileges.count");
      List<PrivilegeInfo> privileges = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int id = message.u16("message.privileges[" + i + "].id");
        long expire = message.u32("message.privileges[" + i + "].expire");
        privileges.add(new PrivilegeInfo(id, privilegeName(id), expire));
      }
      return new AccessToken1Info(
          text, appId, signature, crcChannel, crcUid, salt, ts, privileges, rawMessage);
    } catch (MalformedTokenException e) {
      throw shifted(e, messageOffset + 2);
    }
  }

  /** Re-anchors an error inside the nested message to an offset in the whole payload. */
  private static MalformedTokenException shifted(MalformedTokenException e, int messageStart) {
    DecodeError error = e.toError(TokenFormat.ACCESS_TOKEN_1);
    return new MalformedTokenException(
        error.field(), messageStart + error.offset(), DecodeError.PAYLOAD, error.reason());
  }

  static String privilegeName(int id) {
    return switch (id) {
      case 1 -> "joinChannel";
      case 2 -> "publishAudioStream";
      case 3 -> "publishVideoStream";
      case 4 -> "publishDataStream";
      case 1000 -> "rtmLogin";
      default -> "privilege" + id;
    };
  }
}
