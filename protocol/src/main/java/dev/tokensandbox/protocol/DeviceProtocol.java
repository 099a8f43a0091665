package dev.tokensandbox.protocol;

/** Names both ends of the device channel and the token routes must spell the same way. */
public final class DeviceProtocol {
  /** The header naming the device a request comes from (fault rules can target one device). */
  public static final String DEVICE_HEADER = "X-Sandbox-Device";

  /** The header carrying the pairing code in LAN mode. */
  public static final String PAIRING_HEADER = "X-Pairing-Code";

  /** The query parameter that may carry the pairing code instead of the header. */
  public static final String PAIRING_QUERY = "pairingCode";

  /** The device channel's WebSocket path; the device id goes in {@link #DEVICE_QUERY}. */
  public static final String CHANNEL_PATH = "/sandbox/devices/ws";

  /** The channel's query parameter naming the device. */
  public static final String DEVICE_QUERY = "device";

  private DeviceProtocol() {}
}
