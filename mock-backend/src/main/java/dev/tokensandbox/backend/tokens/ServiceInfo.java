package dev.tokensandbox.backend.tokens;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service of an AccessToken2: its type, its privileges and its own fields (for RTC {@code
 * channelName} and {@code uid}; for RTM and Chat {@code userId}; …) in wire order.
 *
 * <p>The types are the ones Agora's official builders define (AgoraIO/Tools, npm {@code
 * agora-token}). A type the sandbox does not know is kept as {@code "unknown service N"} with the
 * privileges its generic header carries; as in the official parsers, nothing after its privileges
 * is read ({@code fields} then holds {@code undecodedBytes}), and the signature still covers it.
 */
public record ServiceInfo(
    int type, String name, List<PrivilegeInfo> privileges, Map<String, String> fields) {

  public static final int RTC = 1;
  public static final int RTM = 2;
  public static final int STREAMING = 3;
  public static final int FPA = 4;
  public static final int CHAT = 5;
  public static final int FCDN = 6;
  public static final int APAAS = 7;
  public static final int RTM2 = 8;
  public static final int CONVOAI = 9;
  public static final int STT = 10;

  /** The field of an unknown service that says how many bytes were left unread. */
  public static final String UNDECODED_BYTES = "undecodedBytes";

  public ServiceInfo {
    privileges = List.copyOf(privileges);
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public Optional<PrivilegeInfo> privilege(int id) {
    return privileges.stream().filter(p -> p.id() == id).findFirst();
  }

  public Optional<String> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  /** Whether the sandbox knows this service type (and so read all of its fields). */
  public boolean known() {
    return isKnown(type);
  }

  static boolean isKnown(int type) {
    return type >= RTC && type <= STT;
  }

  /** The short name the CLI, JSON and journal use: {@code rtc}, {@code rtm2}, {@code convoai}… */
  static String nameOf(int type) {
    return switch (type) {
      case RTC -> "rtc";
      case RTM -> "rtm";
      case STREAMING -> "streaming";
      case FPA -> "fpa";
      case CHAT -> "chat";
      case FCDN -> "fcdn";
      case APAAS -> "apaas";
      case RTM2 -> "rtm2";
      case CONVOAI -> "convoai";
      case STT -> "stt";
      default -> "unknown service " + type;
    };
  }

  /** The privilege's name as the official builders name it, or {@code privilegeN}. */
  static String privilegeName(int type, int id) {
    String name =
        switch (type) {
          case RTC ->
              switch (id) {
                case 1 -> "joinChannel";
                case 2 -> "publishAudioStream";
                case 3 -> "publishVideoStream";
                case 4 -> "publishDataStream";
                default -> null;
              };
          case RTM, FPA, RTM2 -> id == 1 ? "login" : null;
          case STREAMING ->
              switch (id) {
                case 1 -> "publishMixStream";
                case 2 -> "publishRawStream";
                default -> null;
              };
          case CHAT ->
              switch (id) {
                case 1 -> "user";
                case 2 -> "app";
                default -> null;
              };
          case FCDN ->
              switch (id) {
                case 1 -> "publish";
                case 2 -> "play";
                default -> null;
              };
          case APAAS ->
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

  /** RTM2 permission resource types as the official builders name them. */
  static String rtm2Resource(int resourceType) {
    return switch (resourceType) {
      case 0 -> "messageChannels";
      case 1 -> "streamChannels";
      case 2 -> "groupChannels";
      case 3 -> "serverGroups";
      case 4 -> "users";
      default -> "resource" + resourceType;
    };
  }

  /** RTM2 permission types: read (0) and write (1). */
  static String rtm2Permission(int permissionType) {
    return switch (permissionType) {
      case 0 -> "read";
      case 1 -> "write";
      default -> "permission" + permissionType;
    };
  }
}
