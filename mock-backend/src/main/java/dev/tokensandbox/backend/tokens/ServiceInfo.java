package dev.tokensandbox.backend.tokens;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service of an AccessToken2: its type, its privileges and its own fields (for RTC {@code
 * channelName} and {@code uid}; for RTM and Chat {@code userId}; …) in wire order.
 */
public record ServiceInfo(
    int type, String name, List<PrivilegeInfo> privileges, Map<String, String> fields) {

  public static final int RTC = 1;
  public static final int RTM = 2;
  public static final int STREAMING = 3;
  public static final int FPA = 4;
  public static final int CHAT = 5;
  public static final int APAAS = 7;

  public ServiceInfo {
    privileges = List.copyOf(privileges);
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }

  public Optional<PrivilegeInfo> privilege(int id) {
    return privileges.stream().filter(p -> p.id() == id).findFirst();
  }

  public Optional<String> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }
}
