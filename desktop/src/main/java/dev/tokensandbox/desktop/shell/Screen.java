package dev.tokensandbox.desktop.shell;

/** The window's screens, in navigation order. */
public enum Screen {
  ARCHITECTURE("Architecture"),
  ISSUE("Issue"),
  INSPECT("Inspect"),
  LAB("Expiry lab"),
  TRAFFIC("Traffic"),
  DEVICES("Devices"),
  SCENARIOS("Scenarios");

  private final String label;

  Screen(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The node id of the screen's navigation button, e.g. {@code nav-lab}. */
  public String navId() {
    return "nav-" + name().toLowerCase(java.util.Locale.ROOT);
  }
}
