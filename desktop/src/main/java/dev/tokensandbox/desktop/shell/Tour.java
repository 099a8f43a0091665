package dev.tokensandbox.desktop.shell;

import dev.tokensandbox.client.presets.Presets;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The first-run walk through the pattern in under a minute: issue a token, read it in Inspect, run
 * a preset in the Expiry lab. Each {@link #next()} does the step on the real screens; {@link
 * #dismiss()} ends it for good (the shell remembers).
 */
public final class Tour {
  static final String[] STEPS = {
    "New here? Three steps, under a minute: 1 · Issue a token from the customer backend.",
    "2 · Inspect reads the token you just issued: its fields, expiry, signature and lint.",
    "3 · The Expiry lab runs a preset at 600×: watch onTokenPrivilegeWillExpire, the kick and"
        + " the renewal.",
    "That is the pattern. Pair a phone on Architecture, add virtual devices, or export a bug"
        + " report from Scenarios."
  };

  private final Sandbox sandbox;
  private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", 0);
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", STEPS[0]);

  Tour(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  public ReadOnlyIntegerProperty stepProperty() {
    return step.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  /** The label of the button that does the current step. */
  public String action() {
    return switch (step.get()) {
      case 0 -> "Issue a token";
      case 1 -> "Inspect it";
      case 2 -> "Run a preset";
      default -> "Done";
    };
  }

  /** Does the current step on the real screens and moves to the next. */
  public void next() {
    switch (step.get()) {
      case 0 -> {
        sandbox.shell.screenProperty().set(Screen.ISSUE);
        sandbox.issue.issue();
      }
      case 1 -> {
        sandbox.inspect.tokenProperty().set(sandbox.issue.tokenProperty().get());
        sandbox.shell.screenProperty().set(Screen.INSPECT);
      }
      case 2 -> {
        sandbox.shell.screenProperty().set(Screen.LAB);
        Presets.byId("join-shorter-than-publish").ifPresent(sandbox.lab.selectedProperty()::set);
        sandbox.lab.run(600);
      }
      default -> {
        dismiss();
        return;
      }
    }
    step.set(step.get() + 1);
    text.set(STEPS[step.get()]);
  }

  /** Ends the tour; it is not shown again. */
  public void dismiss() {
    sandbox.shell.tourDoneProperty().set(true);
  }
}
