package dev.tokensandbox.backend.tokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code 007} + base64(zlib(signature, signed info)) into an {@link AccessToken2Info}. */
final class AccessToken2Decoder {
  static final int MAX_INFLATED_BYTES = 64 * 1024;

  private AccessToken2Decoder() {}

  static AccessToken2Info decode(String text) throws MalformedTokenException {
    byte[] compressed = TokenText.base64("payload", text.substring(3), 3, false);
    byte[] payload = Inflate.capped("payload", compressed, MAX_INFLATED_BYTES);
    ByteCursor in = new ByteCursor(payload);
    byte[] signature = in.bytes("signature");
    int signedStart = in.position();
    String appId = in.string("appId");
    long issueTs = in.u32("issueTs");
    long expire = in.u32("expire");
    long salt = in.u32("salt");
    int count = in.u16("services.count");
    List<ServiceInfo> services = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      services.add(service(in, "services[" + i + "]"));
    }
    if (in.remaining() > 0) {
      throw new MalformedTokenException(
          "services",
          in.position(),
          DecodeError.PAYLOAD,
          in.remaining() + " unexpected bytes after the last service");
    }
    return new AccessToken2Info(
        text,
        appId,
        issueTs,
        expire,
        salt,
        services,
        signature,
        in.slice(signedStart, payload.length));
  }

  private static ServiceInfo service(ByteCursor in, String path) throws MalformedTokenException {
    int typeOffset = in.position();
    int type = in.u16(path + ".type");
    List<PrivilegeInfo> privileges = privileges(in, path + ".privileges", type);
    Map<String, String> fields = new LinkedHashMap<>();
    switch (type) {
      case ServiceInfo.RTC, ServiceInfo.STREAMING -> {
        fields.put("channelName", in.string(path + ".channelName"));
        fields.put("uid", in.string(path + ".uid"));
      }
      case ServiceInfo.RTM, ServiceInfo.CHAT -> fields.put("userId", in.string(path + ".userId"));
      case ServiceInfo.FPA -> {
        // FPA carries privileges only.
      }
      case ServiceInfo.APAAS -> {
        fields.put("roomUuid", in.string(path + ".roomUuid"));
        fields.put("userUuid", in.string(path + ".userUuid"));
        fields.put("role", Integer.toString((short) in.u16(path + ".role")));
      }
      default ->
          throw new MalformedTokenException(
              path + ".type", typeOffset, DecodeError.PAYLOAD, "unknown service type " + type);
    }
    return new ServiceInfo(type, serviceName(type), privileges, fields);
  }

  private static List<PrivilegeInfo> privileges(ByteCursor in, String path, int serviceType)
      throws MalformedTokenException {
    int count = in.u16(path + ".count");
    List<PrivilegeInfo> privileges = new ArrayList<>();
    for (int j = 0; j < count; j++) {
      int id = in.u16(path + "[" + j + "].id");
      long expire = in.u32(path + "[" + j + "].expire");
      privileges.add(new PrivilegeInfo(id, privilegeName(serviceType, id), expire));
    }
    return privileges;
  }

  static String serviceName(int type) {
    return switch (type) {
      case ServiceInfo.RTC -> "rtc";
      case ServiceInfo.RTM -> "rtm";
      case ServiceInfo.STREAMING -> "streaming";
      case ServiceInfo.FPA -> "fpa";
      case ServiceInfo.CHAT -> "chat";
      case ServiceInfo.APAAS -> "apaas";
      default -> "service" + type;
    };
  }

  static String privilegeName(int serviceType, int id) {
    String name =
        switch (serviceType) {
          case ServiceInfo.RTC ->
              switch (id) {
                case 1 -> "joinChannel";
                case 2 -> "publishAudioStream";
                case 3 -> "publishVideoStream";
                case 4 -> "publishDataStream";
                default -> null;
              };
          case ServiceInfo.RTM, ServiceInfo.FPA -> id == 1 ? "login" : null;
          case ServiceInfo.STREAMING ->
              switch (id) {
                case 1 -> "publishMixStream";
                case 2 -> "publishRawStream";
                default -> null;
              };
          case ServiceInfo.CHAT ->
              switch (id) {
                case 1 -> "user";
                case 2 -> "app";
                default -> null;
              };
          case ServiceInfo.APAAS ->
              switch (id) {
                case 1 -> "roomUser";
                case 2 -> "user";
                case 3 -> "app";
                default -> null;
              };
          default -> null;
        };
    return name != null ? name : "privilege" + id;
  }
}
