package dev.tokensandbox.client.rtc;

/** The SDK's connection states, with the SDK's numeric values. */
public enum ConnectionState {
  DISCONNECTED(1),
  CONNECTING(2),
  CONNECTED(3),
  RECONNECTING(4),
  FAILED(5);

  private final int value;

  ConnectionState(int value) {
    this.value = value;
  }

  public int value() {
    return value;
  }
}
