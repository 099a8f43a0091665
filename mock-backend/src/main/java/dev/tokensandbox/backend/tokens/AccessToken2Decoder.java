package dev.tokensandbox.backend.tokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code 007} + base64(zlib(signature, signed info)) into an {@link AccessToken2Info}.
 *
 * <p>Every service type of Agora's official builders is read field by field. At a type it does not
 * know, the decoder does what the official parsers do: it stops reading services there (the
 * service's own fields have no length on the wire) and keeps what it read before; the signature
 * covers the whole signed info, so the token still verifies.
 */
final class AccessToken2Decoder {
  static final int MAX_INFLATED_BYTES = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

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
      ServiceInfo service = service(in, "services[" + i + "]");
      services.add(service);
      if (!service.known()) {
        break;
      }
    }
    boolean stoppedAtUnknown = !services.isEmpty() && !services.get(services.size() - 1).known();
    if (!stoppedAtUnknown && in.remaining() > 0) {
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
    int type = in.u16(path + ".type");
    if (!ServiceInfo.isKnown(type)) {
      return unknown(in, path, type);
    }
    List<PrivilegeInfo> privileges = privileges(in, path + ".privileges", type);
    Map<String, String> fields = new LinkedHashMap<>();
    switch (type) {
      case ServiceInfo.RTC -> {
        fields.put("channelName", in.string(path + ".channelName"));
        fields.put("uid", in.string(path + ".uid"));
      }
      case ServiceInfo.STREAMING, ServiceInfo.FCDN -> {
        fields.put("channelName", in.string(path + ".channelName"));
        fields.put("account", in.string(path + ".account"));
      }
      case ServiceInfo.RTM, ServiceInfo.CHAT -> fields.put("userId", in.string(path + ".userId"));
      case ServiceInfo.APAAS -> {
        fields.put("roomUuid", in.string(path + ".roomUuid"));
        fields.put("userUuid", in.string(path + ".userUuid"));
        fields.put("role", Integer.toString((short) in.u16(path + ".role")));
      }
      case ServiceInfo.RTM2 -> {
        fields.put("userId", in.string(path + ".userId"));
        rtm2Permissions(in, path + ".permissions", fields);
      }
      default -> {
        // FPA, ConvoAI and STT carry privileges only.
      }
    }
    return new ServiceInfo(type, ServiceInfo.nameOf(type), privileges, fields);
  }

  /**
   * A type the sandbox does not know: the generic privilege header is shown when it reads cleanly;
   * the rest (the service's own fields and any later service) is counted, not interpreted.
   */
  private static ServiceInfo unknown(ByteCursor in, String path, int type) {
    int start = in.position();
    List<PrivilegeInfo> privileges;
    try {
      privileges = privileges(in, path + ".privileges", type);
    } catch (MalformedTokenException e) {
      in.seek(start);
      privileges = List.of();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(ServiceInfo.UNDECODED_BYTES, Integer.toString(in.remaining()));
    in.seek(in.position() + in.remaining());
    return new ServiceInfo(type, ServiceInfo.nameOf(type), privileges, fields);
  }

  private static List<PrivilegeInfo> privileges(ByteCursor in, String path, int serviceType)
      throws MalformedTokenException {
    int count = in.u16(path + ".count");
    List<PrivilegeInfo> privileges = new ArrayList<>();
    for (int j = 0; j < count; j++) {
      int id = in.u16(path + "[" + j + "].id");
      long expire = in.u32(path + "[" + j + "].expire");
      privileges.add(new PrivilegeInfo(id, ServiceInfo.privilegeName(serviceType, id), expire));
    }
    return privileges;
  }

  /**
   * RTM2's permissions: resource type → permission type → resource names, written as fields {@code
   * permissions.messageChannels.read = ["ch1","ch2"]} (the names as a JSON array).
   */
  private static void rtm2Permissions(ByteCursor in, String path, Map<String, String> fields)
      throws MalformedTokenException {
    int resourceTypes = in.u16(path + ".count");
    for (int i = 0; i < resourceTypes; i++) {
      String at = path + "[" + i + "]";
      String resource = ServiceInfo.rtm2Resource(in.u16(at + ".resourceType"));
      int permissions = in.u16(at + ".count");
      for (int j = 0; j < permissions; j++) {
        String pat = at + "[" + j + "]";
        String permission = ServiceInfo.rtm2Permission(in.u16(pat + ".permissionType"));
        int names = in.u16(pat + ".count");
        List<String> values = new ArrayList<>();
        for (int k = 0; k < names; k++) {
          values.add(in.string(pat + "[" + k + "]"));
        }
        fields.put("permissions." + resource + "." + permission, jsonArray(values));
      }
    }
  }

  private static String jsonArray(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings always serialises", e);
    }
  }
}
