package dev.tokensandbox.desktop.shell;

import java.nio.file.Path;

/**
 * What the window was started with: the backend's port, and the tooling switches the screenshot and
 * start-up scripts use ({@code snapshot} null when no picture is asked for; {@code
 * snapshotStarting}: a picture of what the window shows while it opens, which then never opens;
 * {@code compare}: a second token for Inspect's comparison; {@code flow}: the Issue screen's flow).
 */
public record DesktopOptions(
    int port,
    Path snapshot,
    Screen screen,
    String paste,
    String preset,
    boolean issue,
    int devices,
    boolean startupProbe,
    Theme theme,
    boolean tour,
    boolean snapshotStarting,
    String compare,
    String flow,
    String size) {

  /** The window as a user starts it: port 8080, no tooling. */
  public static DesktopOptions defaults() {
    return new DesktopOptions(
        8080, null, null, "", "", false, 0, false, null, false, false, "", "", "");
  }
}
