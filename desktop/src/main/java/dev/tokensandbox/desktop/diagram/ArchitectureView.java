package dev.tokensandbox.desktop.diagram;

import dev.tokensandbox.desktop.ui.Layouts;
import javafx.animation.FadeTransition;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.SVGPath;
import javafx.util.Duration;

/**
 * Architecture: App → Customer backend → Provider API as a live diagram (each request flashes its
 * hop with its status), where the secrets live, the backend's addresses and the pairing QR code.
 */
public final class ArchitectureView extends VBox {
  private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
  private static final double QR_PIXELS = 180;

  public ArchitectureView(ArchitectureViewModel model) {
    getStyleClass().add("screen");
    Label title = new Label("Architecture");
    title.getStyleClass().add("title");

    TextField port = new TextField();
    port.setId("port");
    port.setPrefColumnCount(6);
    port.textProperty().bindBidirectional(model.portProperty());
    CheckBox lan = new CheckBox("LAN mode (pair a phone; demo mode off)");
    lan.setId("lan");
    lan.selectedProperty().bindBidirectional(model.lanProperty());
    CheckBox demoUsers = new CheckBox("Demo logins on the LAN");
    demoUsers.setId("lan-demo-users");
    demoUsers.selectedProperty().bindBidirectional(model.lanDemoUsersProperty());
    demoUsers.disableProperty().bind(model.lanProperty().not());
    Button start = new Button();
    start.setId("backend-start");
    start.getStyleClass().add("accent");
    start.textProperty().bind(model.runningProperty().map(r -> r ? "Restart" : "Start"));
    start.setOnAction(e -> model.start());
    Button stop = new Button("Stop");
    stop.setId("backend-stop");
    stop.disableProperty().bind(model.runningProperty().not());
    stop.setOnAction(e -> model.stop());
    Label state = new Label();
    state.setId("backend-state");
    state.getStyleClass().add("pill");
    state.textProperty().bind(model.stateProperty());
    state.textProperty().addListener((o, was, now) -> markState(state, now));
    markState(state, state.getText());
    lan.setTooltip(
        new javafx.scene.control.Tooltip(
            "Listen on every interface so a phone on the same Wi-Fi can pair (press Restart)"));
    demoUsers.setTooltip(
        new javafx.scene.control.Tooltip(
            "Let the documented demo users log in from the LAN (their passwords are public)"));
    Label message = Layouts.message("backend-message");
    message.textProperty().bind(model.messageProperty());
    javafx.scene.layout.FlowPane controls =
        Layouts.toolbar(new Label("Port"), port, lan, demoUsers, start, stop, state);

    VBox app =
        box(
            "app-box",
            "App",
            "Android sample / your client",
            "holds: a login session and short-lived tokens",
            false);
    VBox customer =
        box(
            "customer-box",
            "Customer backend",
            "this sandbox",
            "holds: App Certificate, Ringnity API key, ChatSDK API key, JWT secrets",
            true);
    Label backendUrl = new Label();
    backendUrl.setId("backend-url");
    backendUrl.getStyleClass().add("mono");
    backendUrl.textProperty().bind(model.urlProperty());
    Layouts.keepWhole(backendUrl);
    customer.getChildren().add(backendUrl);
    VBox provider =
        box(
            "provider-box",
            "Provider API",
            "Agora/Shengwang RTC · Ringnity · ChatSDK",
            "verifies tokens; never sees your users' passwords",
            true);
    VBox hop1 = arrow("hop-app-customer", "token request", model.appToCustomerProperty());
    VBox hop2 =
        arrow("hop-customer-provider", "server-to-server", model.customerToProviderProperty());
    HBox diagram = new HBox(0, app, hop1, customer, hop2, provider);
    diagram.setAlignment(Pos.CENTER);
    VBox direct =
        arrow(
            "hop-app-provider",
            "App → Provider with the token (join, renew, REST, WebSocket)",
            model.appToProviderProperty());
    direct.setAlignment(Pos.CENTER);

    Canvas qr = new Canvas(QR_PIXELS, QR_PIXELS);
    qr.setId("pairing-qr");
    model.qrProperty().addListener((o, was, now) -> draw(qr, now));
    draw(qr, model.qrProperty().get());
    Label deviceUrl = new Label();
    deviceUrl.setId("device-url");
    deviceUrl.getStyleClass().add("mono");
    deviceUrl.textProperty().bind(model.deviceUrlProperty().map(u -> "Phone / emulator URL: " + u));
    Label code = new Label();
    code.setId("pairing-code");
    code.textProperty()
        .bind(
            model
                .pairingCodeProperty()
                .map(
                    c ->
                        c.isEmpty()
                            ? "No pairing code: loopback only (emulator via 10.0.2.2)"
                            : "Pairing code: " + c));
    Label payload = new Label();
    payload.setId("pairing-payload");
    payload.getStyleClass().addAll("mono", "legend");
    // The link's pairing secret stays in the QR code: the text beside it is safe to screenshot.
    payload.textProperty().bind(model.pairingPayloadProperty().map(ArchitectureView::maskSecret));
    Label hint =
        new Label(
            "Scan with the Token Sandbox Android app (Pair → Scan QR), or type the URL."
                + " Turn on LAN mode for a phone on the same Wi-Fi.");
    hint.setWrapText(true);
    javafx.scene.control.Button copy = new javafx.scene.control.Button("Copy link");
    copy.setId("pairing-copy");
    copy.setTooltip(
        new javafx.scene.control.Tooltip(
            "Copies the full pairing link, with its secret, to paste into the app's URL field"));
    copy.disableProperty().bind(model.pairingPayloadProperty().isEmpty());
    copy.setOnAction(
        e -> {
          javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
          content.putString(model.pairingPayloadProperty().get());
          javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
    payload.setWrapText(true);
    HBox link = new HBox(8, payload, Layouts.keepWhole(copy));
    HBox.setHgrow(payload, Priority.ALWAYS);
    link.setAlignment(Pos.CENTER_LEFT);
    VBox pairing = new VBox(6, new Label("Pair a device"), deviceUrl, code, hint, link);
    HBox bottom = new HBox(16, qr, pairing);
    bottom.getStyleClass().add("card");
    HBox.setHgrow(pairing, Priority.ALWAYS);

    getChildren().addAll(title, controls, message, diagram, direct, bottom);
  }

  /** The state pill's colour: green running, amber starting, red failed, grey stopped. */
  private static void markState(Label state, String text) {
    for (String s : new String[] {"RUNNING", "STARTING", "FAILED", "STOPPED"}) {
      state.pseudoClassStateChanged(
          PseudoClass.getPseudoClass(s.toLowerCase(java.util.Locale.ROOT)), s.equals(text));
    }
  }

  private static VBox box(String id, String name, String what, String holds, boolean locked) {
    Label title = new Label(name);
    title.getStyleClass().add("box-title");
    Label subtitle = new Label(what);
    subtitle.getStyleClass().add("legend");
    subtitle.setWrapText(true);
    title.setWrapText(true);
    subtitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    Label secrets = new Label(holds);
    secrets.setWrapText(true);
    secrets.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    if (locked) {
      SVGPath lock = new SVGPath();
      lock.setContent("M4 8V6a4 4 0 0 1 8 0v2h1v8H3V8h1zm2 0h4V6a2 2 0 0 0-4 0v2z");
      lock.getStyleClass().add("lock");
      secrets.setGraphic(lock);
    }
    VBox box = new VBox(6, title, subtitle, secrets);
    box.setId(id);
    box.getStyleClass().add("arch-box");
    box.setPrefWidth(230);
    HBox.setHgrow(box, Priority.ALWAYS);
    return box;
  }

  private static VBox arrow(
      String id, String caption, ObservableValue<ArchitectureViewModel.Hop> hop) {
    Label line = Layouts.keepWhole(new Label("──────▶"));
    line.getStyleClass().add("arrow");
    Label last = new Label("—");
    last.setId(id);
    last.getStyleClass().add("hop-label");
    Label what = new Label(caption);
    what.getStyleClass().add("legend");
    VBox arrow = new VBox(2, what, line, last);
    arrow.setAlignment(Pos.CENTER);
    what.setWrapText(true);
    what.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
    // The last request ("GET /api/agora/token → 200") wraps under the arrow instead of ending
    // in "…"; it keeps the height its lines need.
    last.setWrapText(true);
    last.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
    last.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    arrow.setMinWidth(96);
    arrow.setPrefWidth(150);
    FadeTransition fade = new FadeTransition(Duration.millis(1200), line);
    fade.setFromValue(1);
    fade.setToValue(0.35);
    line.setOpacity(0.35);
    hop.addListener(
        (o, was, now) -> {
          if (now == null) {
            return;
          }
          last.setText(now.label() + " → " + now.status());
          line.pseudoClassStateChanged(FAILED, now.failed());
          last.pseudoClassStateChanged(FAILED, now.failed());
          fade.playFromStart();
        });
    return arrow;
  }

  private static void draw(Canvas canvas, QrCode code) {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(Color.WHITE);
    g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    if (code == null) {
      g.setFill(Color.GRAY);
      g.fillText("Backend not running", 30, QR_PIXELS / 2);
      return;
    }
    int cell = (int) Math.floor(QR_PIXELS / code.size());
    g.setFill(Color.BLACK);
    for (int y = 0; y < code.size(); y++) {
      for (int x = 0; x < code.size(); x++) {
        if (code.modules()[y][x]) {
          g.fillRect(x * cell, y * cell, cell, cell);
        }
      }
    }
  }

  /** The pairing link with its long secret (the {@code code=} of a QR link) hidden. */
  static String maskSecret(String payload) {
    return payload.replaceAll("([?&]code=)[A-Za-z0-9_-]{16,}", "$1(secret: in the QR code)");
  }
}
