package dev.tokensandbox.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.desktop.testing.SandboxWindowTest;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen at the smallest window the app allows (900 × 600): no button, label, check box or
 * badge shows a truncated text ("Res…"). Table and list cells are left out: their columns resize
 * and show the whole value in a tooltip.
 */
class NothingClippedTest extends SandboxWindowTest {
  static final double MIN_WIDTH = SandboxApp.MIN_WIDTH;
  static final double MIN_HEIGHT = SandboxApp.MIN_HEIGHT;

  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    open(stage);
    stage.setWidth(MIN_WIDTH);
    stage.setHeight(MIN_HEIGHT);
  }

  @Test
  void noScreenTruncatesItsControlsAtTheMinimumSize(FxRobot robot) {
    List<String> clipped = new ArrayList<>();
    for (Screen screen : Screen.values()) {
      robot.interact(() -> sut.sandbox.shell.screenProperty().set(screen));
      clipped.addAll(visit(robot, screen));
    }
    // The states that squeezed controls before: a message beside the backend's buttons, and
    // Inspect's answer to garbage.
    robot.interact(
        () -> {
          sut.sandbox.shell.screenProperty().set(Screen.ARCHITECTURE);
          sut.sandbox.architecture.portProperty().set("not a port at all");
          sut.sandbox.architecture.start();
        });
    clipped.addAll(visit(robot, Screen.ARCHITECTURE));
    robot.interact(
        () -> {
          sut.sandbox.shell.screenProperty().set(Screen.INSPECT);
          sut.sandbox.inspect.tokenProperty().set("007" + "garbage!".repeat(40));
        });
    clipped.addAll(visit(robot, Screen.INSPECT));
    // A token cut short: the longest decoder message, with the byte and the reason.
    robot.interact(
        () ->
            sut.sandbox
                .inspect
                .tokenProperty()
                .set(
                    "007eJxTYOA0P9F4u+9LzTzHwNxdv87ET+ri+i6a+1Y+ve2J/I9PjscVGIwtUwxM0ixN0ixMzM1"
                        + "STVNMU81TLCxTzIwtLJJMks0MrvwWzRbgY2AwmTKLiZGBkYEFiEF8JjDJDCZZoGRJanEJK4"
                        + "OhkbGJKQ"));
    clipped.addAll(visit(robot, Screen.INSPECT));
    // The longest Issue form: its scroll bar takes width from the token's buttons.
    robot.interact(
        () -> {
          sut.sandbox.shell.screenProperty().set(Screen.ISSUE);
          sut.sandbox.issue.flowProperty().set(dev.tokensandbox.desktop.issue.IssueFlow.ANY_TOKEN);
        });
    clipped.addAll(visit(robot, Screen.ISSUE));
    // ... with its longest problems shown under the fields.
    robot.interact(
        () -> {
          var flow = dev.tokensandbox.desktop.issue.IssueFlow.ANY_TOKEN;
          sut.sandbox.issue.value(flow, "uid").set("12x");
          sut.sandbox.issue.value(flow, "issuedAt").set("yesterday");
          sut.sandbox.issue.value(flow, "salt").set("99999999999");
          sut.sandbox.issue.issue();
        });
    clipped.addAll(visit(robot, Screen.ISSUE));
    assertThat(clipped).isEmpty();
  }

  /**
   * What a person sees after a few minutes of use, at the minimum and the default size: table cells
   * and headers too (a cut cell passes only with a tooltip that shows the whole value), a full
   * traffic table, connected devices, a finished lab run with its finding.
   */
  @Test
  void withRealisticDataNoCellHeaderOrVerdictIsCut(FxRobot robot) {
    robot.interact(
        () -> {
          sut.sandbox.issue.flowProperty().set(dev.tokensandbox.desktop.issue.IssueFlow.GIN_RTC);
          sut.sandbox.issue.issue();
          sut.sandbox.devices.add();
          sut.sandbox.devices.add();
          // The longest status line: a renewal, the fault and the storm's finding.
          sut.sandbox.devices.selectedProperty().set(sut.sandbox.devices.rows().get(0));
          sut.sandbox.devices.setFault("Tokens live 20 s");
          sut.sandbox.devices.renew();
          sut.sandbox
              .lab
              .selectedProperty()
              .set(dev.tokensandbox.client.presets.Presets.byId("short-lifetime").orElseThrow());
        });
    dev.tokensandbox.desktop.testing.SandboxUnderTest.await(
        "two devices in the channel",
        () ->
            onFx(
                () ->
                    sut.sandbox.devices.rows().stream()
                        .allMatch(r -> r.stateProperty().get().equals("CONNECTED"))));
    dev.tokensandbox.desktop.testing.SandboxUnderTest.await(
        "the storm's finding on the status line",
        () -> onFx(() -> sut.sandbox.devices.messageProperty().get().contains("finding:")));
    robot.interact(() -> sut.sandbox.lab.run(600));
    dev.tokensandbox.desktop.testing.SandboxUnderTest.await(
        "the lab's verdict",
        () -> onFx(() -> sut.sandbox.lab.verdictProperty().get().contains("Finding:")));
    List<String> clipped = new ArrayList<>();
    for (double[] size : new double[][] {{MIN_WIDTH, MIN_HEIGHT}, {1180, 760}}) {
      robot.interact(
          () -> {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
          });
      for (Screen screen : Screen.values()) {
        robot.interact(() -> sut.sandbox.shell.screenProperty().set(screen));
        for (String found : visit(robot, screen, true)) {
          clipped.add((int) size[0] + "×" + (int) size[1] + " " + found);
        }
      }
    }
    assertThat(clipped).isEmpty();
  }

  private List<String> visit(FxRobot robot, Screen screen) {
    return visit(robot, screen, false);
  }

  private List<String> visit(FxRobot robot, Screen screen, boolean cells) {
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> stage.getScene().getRoot().layout());
    WaitForAsyncUtils.waitForFxEvents();
    return onFx(
        () -> {
          List<String> found = new ArrayList<>();
          collect(stage.getScene().getRoot(), screen, found, cells);
          return found;
        });
  }

  static void collect(Node node, Screen screen, List<String> out) {
    collect(node, screen, out, false);
  }

  /**
   * Each visible Labeled whose shown text differs from its text; with {@code cells}, table and list
   * cells too, unless their tooltip shows the whole value.
   */
  static void collect(Node node, Screen screen, List<String> out, boolean cells) {
    if (!node.isVisible() || (!cells && node instanceof Cell<?>)) {
      return;
    }
    if (node instanceof Labeled labeled
        && labeled.getText() != null
        && !labeled.getText().isEmpty()) {
      String shown = shownText(labeled);
      boolean explained =
          labeled.getTooltip() != null && labeled.getText().equals(labeled.getTooltip().getText());
      // Cut: the skin ends the text with its ellipsis (a text that changed since the last layout,
      // as a live status line does, is not a cut).
      String ellipsis = labeled.getEllipsisString();
      boolean cut =
          shown != null
              && !shown.equals(labeled.getText())
              && !ellipsis.isEmpty()
              && shown.strip().endsWith(ellipsis.strip());
      if (cut && !(node instanceof Cell<?> && explained)) {
        out.add(
            screen
                + " "
                + labeled.getClass().getSimpleName()
                + (labeled.getId() == null ? "" : "#" + labeled.getId())
                + " shows \""
                + shown
                + "\" for \""
                + labeled.getText()
                + "\"");
      }
    }
    // A read-only field shows a value, not an input: it must fit (it scrolls, it never says "…").
    if (node instanceof javafx.scene.control.TextField field
        && !field.isEditable()
        && field.getText() != null
        && !field.getText().isEmpty()
        && field.getWidth() > 0) {
      Text probe = new Text(field.getText());
      probe.setFont(field.getFont());
      double room = field.getWidth() - field.getPadding().getLeft() - field.getPadding().getRight();
      if (probe.getLayoutBounds().getWidth() > room + 0.5) {
        out.add(
            screen
                + " TextField"
                + (field.getId() == null ? "" : "#" + field.getId())
                + " has room for "
                + Math.round(room)
                + " px of "
                + Math.round(probe.getLayoutBounds().getWidth())
                + " px: \""
                + field.getText()
                + "\"");
      }
    }
    if (node instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        collect(child, screen, out, cells);
      }
    }
  }

  /** The text the skin draws (null when it draws none yet). */
  private static String shownText(Labeled labeled) {
    for (Node child : labeled.getChildrenUnmodifiable()) {
      if (child instanceof Text text) {
        return text.getText()
                .replace("\n", " ")
                .strip()
                .equals(labeled.getText().replace("\n", " ").strip())
            ? labeled.getText()
            : text.getText();
      }
    }
    return null;
  }
}
