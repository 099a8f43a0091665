package dev.tokensandbox.desktop.shell;

import dev.tokensandbox.backend.workspace.WorkspaceStore;
import dev.tokensandbox.desktop.devices.DevicesView;
import dev.tokensandbox.desktop.diagram.ArchitectureView;
import dev.tokensandbox.desktop.inspect.InspectView;
import dev.tokensandbox.desktop.issue.IssueView;
import dev.tokensandbox.desktop.lab.LabView;
import dev.tokensandbox.desktop.scenarios.ScenariosView;
import dev.tokensandbox.desktop.traffic.TrafficView;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The Token Sandbox window: side navigation over seven screens, the backend already starting when
 * the window appears. Screens are built the first time they are shown.
 */
public final class SandboxApp extends Application {
  /** The smallest window the screens are laid out for (NothingClippedTest checks it). */
  public static final double MIN_WIDTH = 900;

  public static final double MIN_HEIGHT = 600;

  private static volatile DesktopOptions options = DesktopOptions.defaults();
  private static volatile boolean systemPrefersDark;
  private static volatile java.util.concurrent.CompletableFuture<Boolean> systemTheme =
      java.util.concurrent.CompletableFuture.completedFuture(false);
  private Sandbox sandbox;
  private Timeline ticker;

  /** The window's content for {@code sandbox}: navigation on the left, the screen on the right. */
  public static Parent createRoot(Sandbox sandbox) {
    Map<Screen, Node> built = new EnumMap<>(Screen.class);
    StackPane content = new StackPane();
    content.setId("content");
    ToggleGroup group = new ToggleGroup();
    Label brand = new Label("Token Sandbox");
    brand.getStyleClass().add("brand");
    VBox nav = new VBox(4, brand);
    nav.setId("nav");
    nav.getStyleClass().add("nav");
    Map<Screen, ToggleButton> buttons = new EnumMap<>(Screen.class);
    for (Screen screen : Screen.values()) {
      ToggleButton button = new ToggleButton(screen.label());
      button.setId(screen.navId());
      button.getStyleClass().add("nav-button");
      button.setToggleGroup(group);
      button.setMaxWidth(Double.MAX_VALUE);
      button.setOnAction(
          e -> {
            sandbox.shell.screenProperty().set(screen);
            button.setSelected(true); // a second click must not leave nothing selected
          });
      buttons.put(screen, button);
      nav.getChildren().add(button);
    }
    Region spacer = new Region();
    VBox.setVgrow(spacer, Priority.ALWAYS);
    Label backend = new Label();
    backend.setId("nav-backend");
    backend.getStyleClass().add("legend");
    backend.setWrapText(true);
    backend
        .textProperty()
        .bind(
            sandbox
                .architecture
                .stateProperty()
                .concat("\n")
                .concat(sandbox.architecture.urlProperty()));
    nav.getChildren().addAll(spacer, backend);

    Runnable show =
        () -> {
          Screen screen = sandbox.shell.screenProperty().get();
          Node node = built.computeIfAbsent(screen, s -> scrollable(build(s, sandbox)));
          content.getChildren().setAll(node);
          buttons.get(screen).setSelected(true);
        };
    sandbox.shell.screenProperty().addListener((o, was, now) -> show.run());
    show.run();
    BorderPane root = new BorderPane(content);
    root.setLeft(nav);
    root.setTop(new VBox(Menus.bar(sandbox), tourBar(sandbox)));
    root.getStylesheets().add(stylesheet());
    Theme.apply(sandbox.shell.themeProperty().get(), systemPrefersDark);
    sandbox.shell.themeProperty().addListener((o, was, now) -> Theme.apply(now, systemPrefersDark));
    return root;
  }

  /** The first-run tour as a bar above the screens, until it is done or dismissed. */
  private static Node tourBar(Sandbox sandbox) {
    Tour tour = new Tour(sandbox);
    Label text = new Label();
    text.setId("tour-text");
    text.setWrapText(true);
    text.textProperty().bind(tour.textProperty());
    javafx.scene.control.Button next = new javafx.scene.control.Button(tour.action());
    next.setId("tour-next");
    next.getStyleClass().add("accent");
    // One width for every step, so Dismiss does not move under a pointer clicking "next".
    next.setMinWidth(150);
    next.setPrefWidth(150);
    next.setOnAction(
        e -> {
          tour.next();
          next.setText(tour.action());
        });
    javafx.scene.control.Button dismiss = new javafx.scene.control.Button("Dismiss");
    dismiss.setId("tour-dismiss");
    dismiss.setMinWidth(Region.USE_PREF_SIZE);
    dismiss.setOnAction(e -> tour.dismiss());
    javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(10, text, next, dismiss);
    bar.setId("tour");
    bar.getStyleClass().add("hint");
    bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    javafx.scene.layout.HBox.setHgrow(text, Priority.ALWAYS);
    bar.visibleProperty().bind(sandbox.shell.tourDoneProperty().not());
    bar.managedProperty().bind(bar.visibleProperty());
    return bar;
  }

  /**
   * A screen fills the window; when the window is smaller than the screen's least size (wrapped
   * text keeps its lines), it scrolls instead of squeezing text into "…".
   */
  private static Node scrollable(Node screen) {
    javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(screen);
    scroll.setFitToWidth(true);
    scroll.setFitToHeight(true);
    scroll.getStyleClass().add("screen-scroll");
    return scroll;
  }

  private static Node build(Screen screen, Sandbox s) {
    return switch (screen) {
      case ARCHITECTURE -> new ArchitectureView(s.architecture);
      case ISSUE -> new IssueView(s.issue);
      case INSPECT -> new InspectView(s.inspect);
      case LAB -> new LabView(s.lab);
      case TRAFFIC -> new TrafficView(s.traffic);
      case DEVICES -> new DevicesView(s.devices, s.paired);
      case SCENARIOS -> new ScenariosView(s.scenarios);
    };
  }

  /** A scene of the given size around {@link #createRoot}. */
  public static Scene createScene(Sandbox sandbox) {
    return new Scene(
        createRoot(sandbox),
        sandbox.shell.widthProperty().get(),
        sandbox.shell.heightProperty().get());
  }

  /** A ticker that moves the countdowns once a second (the caller starts and stops it). */
  public static Timeline ticker(Sandbox sandbox) {
    Timeline timeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> sandbox.tick()));
    timeline.setCycleCount(Timeline.INDEFINITE);
    return timeline;
  }

  @Override
  public void start(Stage stage) {
    Path userHome = Path.of(System.getProperty("user.home"));
    // One home for everything the sandbox writes, as the CLI and the launchers decide it.
    Path home = dev.tokensandbox.backend.workspace.SandboxHome.dir(System.getenv(), userHome);
    // The window appears at once with the remembered size; everything behind it (workspace,
    // backend, lab, HTTP client) is opened on a background thread and the screens follow.
    ShellViewModel remembered =
        new ShellViewModel(new WindowStateFile(home.resolve("desktop.properties")));
    remembered.restore();
    Theme first = options.theme() != null ? options.theme() : remembered.themeProperty().get();
    StartingView starting =
        new StartingView(
            first,
            () -> systemPrefersDark,
            stylesheet(),
            remembered.widthProperty().get(),
            remembered.heightProperty().get(),
            // Drawn once the first look is: four canvas snapshots.
            () -> {
              stage.getIcons().setAll(AppIcon.images());
              if (options.snapshotStarting()) {
                Snapshot.take(stage.getScene(), options.snapshot());
              }
            });
    Scene scene = starting.scene();
    stage.setTitle("Token Sandbox");
    // The system's answer, if it came after the theme was applied: apply it again (before, the
    // starting view reads it when it applies the theme).
    systemTheme.thenAccept(
        dark ->
            Platform.runLater(
                () -> {
                  if (starting.themeApplied()) {
                    Theme.apply(
                        sandbox != null ? sandbox.shell.themeProperty().get() : first, dark);
                  }
                }));
    stage.setScene(scene);
    stage.setMinWidth(MIN_WIDTH);
    stage.setMinHeight(MIN_HEIGHT);
    javafx.geometry.Rectangle2D place =
        WindowPlacement.place(
            remembered.xProperty().get(),
            remembered.yProperty().get(),
            remembered.widthProperty().get(),
            remembered.heightProperty().get(),
            MIN_WIDTH,
            MIN_HEIGHT,
            javafx.stage.Screen.getScreens().stream()
                .sorted(
                    (a, b) ->
                        a == javafx.stage.Screen.getPrimary()
                            ? -1
                            : b == javafx.stage.Screen.getPrimary() ? 1 : 0)
                .map(javafx.stage.Screen::getVisualBounds)
                .toList());
    stage.setX(place.getMinX());
    stage.setY(place.getMinY());
    stage.setWidth(place.getWidth());
    stage.setHeight(place.getHeight());
    stage.show();
    StartupProbe.shown(options);
    if (options.snapshotStarting()) {
      return; // a picture of the starting look: nothing opens behind it
    }
    Thread opener =
        new Thread(
            () -> {
              try {
                Sandbox opened =
                    Sandbox.open(
                        new Sandbox.Options(
                            WorkspaceStore.locate(null, System.getenv(), userHome)
                                .warningsTo(warning -> System.err.println("warning: " + warning))
                                .loadOrCreate(new SecureRandom()),
                            options.port(),
                            home,
                            Clock.systemDefaultZone(),
                            Platform::runLater));
                Platform.runLater(() -> show(stage, scene, starting, opened));
              } catch (RuntimeException e) {
                Platform.runLater(() -> starting.failed(e.getMessage()));
              }
            },
            "sandbox-open");
    opener.setDaemon(true);
    opener.start();
  }

  private void show(Stage stage, Scene scene, StartingView starting, Sandbox opened) {
    sandbox = opened;
    sandbox.scenarios.setOpener(getHostServices()::showDocument);
    sandbox.shell.restore();
    if (options.theme() != null) {
      sandbox.shell.themeProperty().set(options.theme());
    }
    starting.opened(createRoot(sandbox));
    sandbox.shell.widthProperty().bind(stage.widthProperty());
    sandbox.shell.heightProperty().bind(stage.heightProperty());
    sandbox.shell.xProperty().bind(stage.xProperty());
    sandbox.shell.yProperty().bind(stage.yProperty());
    ticker = ticker(sandbox);
    ticker.play();
    StartupProbe.ready(options);
    Snapshot.from(options).ifPresent(snapshot -> snapshot.takeAndExit(scene, sandbox));
  }

  private static String stylesheet() {
    return Objects.requireNonNull(
            SandboxApp.class.getResource("/dev/tokensandbox/desktop/sandbox.css"))
        .toExternalForm();
  }

  @Override
  public void stop() {
    if (ticker != null) {
      ticker.stop();
    }
    if (sandbox != null) {
      sandbox.shell.widthProperty().unbind();
      sandbox.shell.heightProperty().unbind();
      sandbox.shell.xProperty().unbind();
      sandbox.shell.yProperty().unbind();
      try {
        sandbox.shell.remember();
      } catch (IOException e) {
        System.err.println("Could not remember the window state: " + e.getMessage());
      }
      sandbox.close();
    }
  }

  /** Opens the window with {@code chosen} (checked by the command line); returns when it closes. */
  public static void launch(DesktopOptions chosen) {
    options = chosen;
    // Asked while the toolkit starts, not before it: the answer (a process, ~30 ms) is there long
    // before the first window needs it.
    systemTheme =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> systemPrefersDark = SystemTheme.prefersDark());
    Application.launch(SandboxApp.class);
  }
}
