package dev.tokensandbox.desktop.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;

/**
 * The menu bar and the keyboard shortcuts a developer tool is expected to have; Help → Keyboard
 * shortcuts (F1) lists every one from the same table.
 */
final class Menus {
  /** One shortcut: its keys, what it does, and the doing. */
  record Shortcut(String keys, String what, Runnable action) {
    KeyCombination combination() {
      return KeyCombination.valueOf(keys);
    }

    /** "Ctrl+1" on Linux and Windows, "⌘1" on macOS. */
    String display() {
      return combination().getDisplayText();
    }
  }

  private Menus() {}

  static List<Shortcut> shortcuts(Sandbox s) {
    List<Shortcut> list = new ArrayList<>();
    Screen[] screens = Screen.values();
    for (int i = 0; i < screens.length; i++) {
      Screen screen = screens[i];
      list.add(
          new Shortcut(
              "Shortcut+" + (i + 1),
              "Show " + screen.label(),
              () -> s.shell.screenProperty().set(screen)));
    }
    list.add(
        new Shortcut(
            "Shortcut+Enter",
            "Issue a token with the Issue form",
            () -> {
              s.shell.screenProperty().set(Screen.ISSUE);
              s.issue.issue();
            }));
    list.add(
        new Shortcut(
            "Shortcut+Shift+V",
            "Paste the clipboard into Inspect",
            () -> {
              String text = Clipboard.getSystemClipboard().getString();
              if (text != null) {
                s.inspect.tokenProperty().set(text);
              }
              s.shell.screenProperty().set(Screen.INSPECT);
            }));
    list.add(
        new Shortcut(
            "Shortcut+Shift+C",
            "Copy the issued token",
            () -> {
              String token = s.issue.tokenProperty().get();
              if (!token.isEmpty()) {
                ClipboardContent content = new ClipboardContent();
                content.putString(token);
                Clipboard.getSystemClipboard().setContent(content);
              }
            }));
    list.add(
        new Shortcut(
            "Shortcut+R",
            "Reveal or hide the issued token",
            () -> s.issue.revealedProperty().set(!s.issue.revealedProperty().get())));
    list.add(
        new Shortcut(
            "Shortcut+L",
            "Run the lab's preset at 600×, or pause and resume it",
            () -> {
              s.shell.screenProperty().set(Screen.LAB);
              if (s.lab.speedProperty().get() > 0) {
                s.lab.pause();
              } else if (s.lab.lastRun() == null || s.lab.lastRun().result() != null) {
                s.lab.run(600);
              } else {
                s.lab.play(600);
              }
            }));
    list.add(new Shortcut("F1", "Show the keyboard shortcuts", () -> help(list)));
    return list;
  }

  static MenuBar bar(Sandbox s) {
    List<Shortcut> keys = shortcuts(s);
    Menu file = new Menu("File");
    file.getItems()
        .addAll(
            item("Save scenario", null, s.scenarios::save),
            item("Load scenario", null, s.scenarios::load),
            item("Export bug report", null, s.scenarios::exportReport),
            item("Open last report", null, s.scenarios::openReport),
            new SeparatorMenuItem(),
            item("Quit", "Shortcut+Q", Platform::exit));
    Menu view = new Menu("View");
    for (int i = 0; i < Screen.values().length; i++) {
      view.getItems().add(item(Screen.values()[i].label(), keys.get(i)));
    }
    view.getItems().add(new SeparatorMenuItem());
    Menu theme = new Menu("Theme");
    ToggleGroup themes = new ToggleGroup();
    for (Theme t : Theme.values()) {
      RadioMenuItem choice = new RadioMenuItem(t.label());
      choice.setId("theme-" + t.name().toLowerCase(java.util.Locale.ROOT));
      choice.setToggleGroup(themes);
      choice.setSelected(s.shell.themeProperty().get() == t);
      choice.setOnAction(e -> s.shell.themeProperty().set(t));
      s.shell.themeProperty().addListener((o, was, now) -> choice.setSelected(now == t));
      theme.getItems().add(choice);
    }
    view.getItems().add(theme);
    Menu token = new Menu("Actions");
    for (Shortcut k : keys.subList(Screen.values().length, keys.size() - 1)) {
      token.getItems().add(item(k.what(), k));
    }
    Menu help = new Menu("Help");
    help.getItems()
        .addAll(
            item("Keyboard shortcuts", keys.get(keys.size() - 1)),
            item(
                "Show the first-run tour again",
                null,
                () -> s.shell.tourDoneProperty().set(false)));
    MenuBar bar = new MenuBar(file, view, token, help);
    bar.setId("menu-bar");
    return bar;
  }

  private static MenuItem item(String text, Shortcut shortcut) {
    return item(text, shortcut.keys(), shortcut.action());
  }

  private static MenuItem item(String text, String keys, Runnable action) {
    MenuItem item = new MenuItem(text);
    if (keys != null) {
      item.setAccelerator(KeyCombination.valueOf(keys));
    }
    item.setOnAction(e -> action.run());
    return item;
  }

  /** Help → Keyboard shortcuts: every shortcut, from the same table the menus use. */
  static void help(List<Shortcut> shortcuts) {
    StringBuilder text = new StringBuilder();
    int longest = 0;
    for (Shortcut k : shortcuts) {
      String line = String.format("%-18s %s", k.display(), k.what());
      longest = Math.max(longest, line.length());
      text.append(line).append(System.lineSeparator());
    }
    Alert dialog = new Alert(Alert.AlertType.INFORMATION);
    // Owned by the window it was asked from: on close the focus goes back there (without an
    // owner, a window manager-less display left the main window unfocused and its menus shut).
    javafx.stage.Window.getWindows().stream()
        .filter(javafx.stage.Window::isFocused)
        .findFirst()
        .ifPresent(dialog::initOwner);
    dialog.setTitle("Keyboard shortcuts");
    dialog.setHeaderText("Keyboard shortcuts");
    javafx.scene.control.TextArea list = new javafx.scene.control.TextArea(text.toString());
    list.setId("shortcuts-list");
    list.setEditable(false);
    list.setPrefRowCount(shortcuts.size() + 1);
    // As wide as its longest line: the dialog sizes to its text instead of cutting it.
    list.setPrefColumnCount(longest + 2);
    list.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    dialog.getDialogPane().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    dialog.setResizable(true);
    list.setStyle("-fx-font-family: monospace");
    dialog.getDialogPane().setContent(list);
    dialog.show();
  }
}
