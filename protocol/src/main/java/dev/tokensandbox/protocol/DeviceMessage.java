package dev.tokensandbox.protocol;

/** The {@code type} of a message on the device channel, and who sends it. */
public enum DeviceMessage {
  /** Device → sandbox: its name and platform. */
  HELLO("hello"),
  /** Device → sandbox: flow, state, token fingerprint, expiry, renewal policy. */
  STATE("state"),
  /** Device → sandbox: one timeline line. */
  EVENT("event"),
  /** Device → sandbox: how a command ended. */
  RESULT("result"),
  /** Sandbox → device: the connection is accepted. */
  WELCOME("welcome"),
  /** Sandbox → device: a {@link DeviceCommand}. */
  COMMAND("command");

  private final String wire;

  DeviceMessage(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The type named {@code wire}, or null when there is none. */
  public static DeviceMessage fromWire(String wire) {
    for (DeviceMessage type : values()) {
      if (type.wire.equals(wire)) {
        return type;
      }
    }
    return null;
  }
}
