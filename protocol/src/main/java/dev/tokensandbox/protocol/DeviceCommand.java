package dev.tokensandbox.protocol;

/**
 * What the desktop can ask a paired device to do, as sent in a {@code command} message's {@code
 * command} member.
 */
public enum DeviceCommand {
  FETCH("fetch"),
  JOIN("join"),
  RENEW("renew"),
  EXPIRE_NOW("expireNow"),
  LEAVE("leave"),
  SET_FAULT("setFault"),
  SET_POLICY("setPolicy");

  private final String wire;

  DeviceCommand(String wire) {
    this.wire = wire;
  }

  /** The name on the wire, e.g. {@code expireNow}. */
  public String wire() {
    return wire;
  }

  /** The command named {@code wire}, or null when there is none. */
  public static DeviceCommand fromWire(String wire) {
    for (DeviceCommand command : values()) {
      if (command.wire.equals(wire)) {
        return command;
      }
    }
    return null;
  }

  /** Every wire name, in declaration order, for error messages. */
  public static java.util.List<String> wireNames() {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (DeviceCommand command : values()) {
      names.add(command.wire);
    }
    return java.util.Collections.unmodifiableList(names);
  }
}
