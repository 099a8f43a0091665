package dev.tokensandbox.desktop.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/**
 * The window's look: AtlantaFX's Primer Light or Primer Dark, or whichever the system prefers. The
 * sandbox's own stylesheet uses only the theme's looked-up colours, so every screen follows.
 */
public enum Theme {
  SYSTEM("Follow the system"),
  LIGHT("Light"),
  DARK("Dark");

  private final String label;

  Theme(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Dark for DARK, and for SYSTEM when the system prefers dark. */
  public boolean dark(boolean systemPrefersDark) {
    return this == DARK || (this == SYSTEM && systemPrefersDark);
  }

  /**
   * Makes {@code theme} the look of every window (call on the FX thread). Setting the stylesheet
   * that is already in force does nothing: a new one restyles every scene.
   */
  static void apply(Theme theme, boolean systemPrefersDark) {
    String stylesheet =
        theme.dark(systemPrefersDark)
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet();
    if (!stylesheet.equals(Application.getUserAgentStylesheet())) {
      Application.setUserAgentStylesheet(stylesheet);
    }
  }
}
