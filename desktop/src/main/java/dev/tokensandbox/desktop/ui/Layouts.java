package dev.tokensandbox.desktop.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Layout rules every screen follows so that nothing is clipped at any window size the app allows:
 * rows of controls wrap onto the next line instead of squeezing a control's text, a control is
 * never narrower than its text, table columns never narrower than their header, and messages go to
 * a wrapping line of their own.
 */
public final class Layouts {
  private Layouts() {}

  /** A row of controls that wraps rather than truncate any of them. */
  public static FlowPane toolbar(Node... nodes) {
    FlowPane row = new FlowPane(8, 6);
    row.setAlignment(Pos.CENTER_LEFT);
    row.getStyleClass().add("toolbar");
    for (Node n : nodes) {
      row.getChildren().add(keepWhole(n));
    }
    return row;
  }

  /** {@code node} never narrower than it wants to be (a button or label keeps its whole text). */
  public static <T extends Node> T keepWhole(T node) {
    if (node instanceof Region region) {
      region.setMinWidth(Region.USE_PREF_SIZE);
    }
    return node;
  }

  /** A message line: wraps, and cannot squeeze anything beside it. */
  public static Label message(String id) {
    Label message = new Label();
    message.setId(id);
    message.setWrapText(true);
    message.setMaxWidth(Double.MAX_VALUE);
    message.setMinHeight(Region.USE_PREF_SIZE);
    message.getStyleClass().add("message");
    return message;
  }

  /**
   * Columns no narrower than their header (the table scrolls sideways instead), a wrapping
   * placeholder, and the whole value of a cut-off cell in its tooltip.
   */
  public static <R> void fitColumns(TableView<R> table, String placeholder) {
    Label empty = new Label(placeholder);
    empty.setWrapText(true);
    empty.setMaxWidth(420);
    empty.setMinHeight(Region.USE_PREF_SIZE);
    table.setPlaceholder(empty);
    for (TableColumn<R, ?> column : table.getColumns()) {
      double header = textWidth(column.getText()) + 28;
      column.setMinWidth(Math.max(column.getMinWidth(), header));
      if (column.getPrefWidth() < header) {
        column.setPrefWidth(header);
      }
    }
  }

  /** A cell factory that shows the full text in a tooltip (for values a column cuts). */
  public static <R>
      javafx.util.Callback<TableColumn<R, String>, javafx.scene.control.TableCell<R, String>>
          cellsWithTooltips() {
    return column ->
        new javafx.scene.control.TableCell<>() {
          @Override
          protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
          }
        };
  }

  static double textWidth(String text) {
    Text t = new Text(text);
    t.setFont(Font.font(Font.getDefault().getFamily(), javafx.scene.text.FontWeight.BOLD, 13));
    return Math.ceil(t.getLayoutBounds().getWidth());
  }

  /** A flow shown by its label ("Shengwang RTC"), in combo boxes that only choose. */
  public static javafx.util.StringConverter<dev.tokensandbox.protocol.Flow> flowLabels() {
    return new javafx.util.StringConverter<>() {
      @Override
      public String toString(dev.tokensandbox.protocol.Flow f) {
        return f == null ? "" : f.label();
      }

      @Override
      public dev.tokensandbox.protocol.Flow fromString(String text) {
        return null;
      }
    };
  }
}
