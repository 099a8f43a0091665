package dev.tokensandbox.desktop.lab;

import dev.tokensandbox.client.clock.ClockPacer;
import dev.tokensandbox.client.presets.QaPreset;
import dev.tokensandbox.client.rtc.SdkProfile;
import dev.tokensandbox.client.session.EventKind;
import dev.tokensandbox.client.session.RenewalPolicy;
import dev.tokensandbox.desktop.ui.Layouts;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

/**
 * The Expiry lab: pick a QA preset, run it at a speed, watch the virtual device's callbacks,
 * renewals and failures appear as markers on a timeline, with its event log beside the chart.
 */
public final class LabView extends BorderPane {
  private final LabViewModel model;
  private final Pane chart = new Pane();
  private final Line cursor = new Line();

  public LabView(LabViewModel model) {
    this.model = model;
    getStyleClass().add("screen");
    setId("lab");

    Label title = new Label("Expiry lab");
    title.getStyleClass().add("title");

    ComboBox<QaPreset> preset = new ComboBox<>(model.presets());
    preset.setId("preset");
    preset.valueProperty().bindBidirectional(model.selectedProperty());
    preset.setCellFactory(list -> new PresetCell());
    preset.setButtonCell(new PresetCell());

    Button run = new Button("Run at 600×");
    run.setId("run");
    run.getStyleClass().add("accent");
    run.disableProperty().bind(model.readyProperty().not());
    run.setOnAction(e -> model.run(600));

    HBox speeds = new HBox(4);
    Button pause = new Button("Pause");
    pause.setId("pause");
    // Paused in the middle of a run, the button resumes at the speed it had.
    double[] lastSpeed = {600};
    model
        .speedProperty()
        .addListener(
            (o, was, now) -> {
              if (now.doubleValue() > 0) {
                lastSpeed[0] = now.doubleValue();
              }
            });
    pause
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.when(
                    model.speedProperty().isEqualTo(0, 0).and(model.inProgressProperty()))
                .then("Resume")
                .otherwise("Pause"));
    pause.setOnAction(
        e -> {
          if (model.speedProperty().get() == 0 && model.inProgressProperty().get()) {
            model.play(lastSpeed[0]);
          } else {
            model.pause();
          }
        });
    speeds.getChildren().add(pause);
    markActive(pause, model.speedProperty().get() == 0);
    model.speedProperty().addListener((o, was, now) -> markActive(pause, now.doubleValue() == 0));
    for (double s : ClockPacer.PRESET_SPEEDS) {
      Button b = new Button(String.format(Locale.ROOT, "%.0f×", s));
      b.setId("speed-" + (int) s);
      b.setOnAction(e -> model.play(s));
      b.setTooltip(
          new Tooltip(String.format(Locale.ROOT, "Run virtual time at %.0f× real time", s)));
      model.speedProperty().addListener((o, was, now) -> markActive(b, now.doubleValue() == s));
      speeds.getChildren().add(b);
    }
    Button next = new Button("Next event");
    next.setId("next-event");
    next.setOnAction(e -> model.nextEvent());
    Button expire = new Button("Expire now");
    expire.setId("lab-expire");
    expire.setOnAction(e -> model.expireNow());
    speeds.getChildren().addAll(next, expire);
    // Against your backend time is real: no speeds, no jumps, no simulated expiry.
    speeds.disableProperty().bind(model.realTimeProperty());

    ComboBox<RenewalPolicy.Trigger> policy = new ComboBox<>();
    policy.setId("lab-policy");
    policy.getItems().add(null);
    policy.getItems().addAll(RenewalPolicy.Trigger.values());
    policy.valueProperty().bindBidirectional(model.triggerProperty());
    policy.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(RenewalPolicy.Trigger t) {
            return t == null ? "Preset's policy" : "Renew on " + t;
          }

          @Override
          public RenewalPolicy.Trigger fromString(String text) {
            return null;
          }
        });
    policy.setButtonCell(new TriggerCell());
    policy.setCellFactory(list -> new TriggerCell());
    ComboBox<SdkProfile> sdk = new ComboBox<>();
    sdk.setId("lab-sdk");
    sdk.getItems().add(null);
    sdk.getItems().addAll(SdkProfile.values());
    sdk.valueProperty().bindBidirectional(model.sdkProperty());
    sdk.setButtonCell(new SdkCell());
    sdk.setCellFactory(list -> new SdkCell());
    sdk.setTooltip(
        new javafx.scene.control.Tooltip(
            "The RTC SDK the app is built with: what renewToken does after the kick, and whether"
                + " onRenewTokenResult confirms a renewal"));
    ComboBox<String> fault = new ComboBox<>();
    fault.setId("lab-fault");
    fault.getItems().add(NO_FAULT);
    fault.getItems().addAll(LabViewModel.FAULTS.keySet());
    fault.setPromptText("Add a fault now…");
    fault.setOnAction(
        e -> {
          if (fault.getValue() != null) {
            model.fault(fault.getValue());
            if (NO_FAULT.equals(fault.getValue())) {
              // An action, not a value: the box goes back to its prompt.
              fault.getSelectionModel().clearSelection();
            }
          }
        });

    Label time = new Label();
    time.setId("lab-time");
    time.textProperty().bind(model.timeProperty());
    time.getStyleClass().add("summary");

    preset.setPrefWidth(420);
    preset.setMinWidth(200);
    javafx.scene.layout.FlowPane chooser = Layouts.toolbar(preset, policy, sdk, run, fault);
    speeds.getChildren().forEach(Layouts::keepWhole);
    javafx.scene.layout.FlowPane clock = Layouts.toolbar(speeds, time);
    VBox controls = new VBox(8, chooser, clock, yourBackend(model));

    Label description = new Label();
    description.setId("preset-description");
    description.setWrapText(true);
    description.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    description.getStyleClass().add("legend");
    description.textProperty().bind(model.descriptionProperty());
    Label verdict = new Label();
    verdict.setId("verdict");
    verdict.setWrapText(true);
    verdict.textProperty().bind(model.verdictProperty());

    setTop(new VBox(10, title, controls, description, verdict));

    chart.setId("timeline");
    chart.getStyleClass().add("timeline");
    chart.setMinHeight(170);
    chart.setPrefHeight(170);
    cursor.getStyleClass().add("timeline-cursor");
    chart.getChildren().add(cursor);
    chart.widthProperty().addListener((o, a, b) -> redraw());
    model.runLengthProperty().addListener((o, a, b) -> redraw());
    model.nowProperty().addListener((o, a, b) -> moveCursor());
    model.rows().addListener((ListChangeListener<LabViewModel.Row>) c -> redraw());

    ListView<LabViewModel.Row> log = new ListView<>(model.rows());
    log.setId("event-log");
    log.setCellFactory(
        list ->
            new ListCell<>() {
              @Override
              protected void updateItem(LabViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.text());
                getStyleClass().remove("failure");
                if (!empty && row != null && row.kind().isFailure()) {
                  getStyleClass().add("failure");
                }
              }
            });
    VBox.setVgrow(log, Priority.ALWAYS);
    Label legend = new Label();
    legend
        .textProperty()
        .bind(
            model
                .realTimeProperty()
                .map(
                    real ->
                        "▬ token lifetime (red: ran out)   ▲ will-expire   ● renewed / joined   ✖"
                            + " failure   · other   (x: seconds of "
                            + (real ? "real time, against your backend" : "virtual time")
                            + "; the log names the SDK callback of each RTC event)"));
    legend.getStyleClass().add("legend");
    legend.setWrapText(true);
    legend.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    setCenter(new VBox(8, chart, legend, log));
  }

  /** The lab runs presets on its embedded backend, or a virtual device against your backend. */
  private static javafx.scene.control.TitledPane yourBackend(LabViewModel model) {
    Button go = new Button("Run against it (real time)");
    go.setId("lab-target-run");
    go.disableProperty().bind(model.readyProperty().not());
    go.setOnAction(e -> model.runAgainstYourBackend());
    return model
        .yourBackend()
        .pane(
            "Your backend: run a virtual device against your own token server",
            "lab-target",
            true,
            go,
            "A virtual device fetches 40 s tokens from your token route and renews through it"
                + " for 60 s; the sandbox's RTC service checks each token with your App ID and"
                + " certificate. Real time: your server's clock cannot be fast-forwarded.");
  }

  private static final String NO_FAULT = "Clear lab faults";

  private static final javafx.css.PseudoClass ACTIVE =
      javafx.css.PseudoClass.getPseudoClass("active");

  /** The speed in force is drawn pressed. */
  private static void markActive(Button button, boolean active) {
    button.pseudoClassStateChanged(ACTIVE, active);
  }

  /** Left of the plot: the lanes' names. */
  private static final double LEFT = 84;

  private void redraw() {
    chart.getChildren().setAll(cursor);
    double length = Math.max(1, model.runLengthProperty().get());
    double width = Math.max(1, chart.getWidth() - LEFT - 8);
    drawAxis(length, width);
    drawLifetimes(length, width);
    for (LabViewModel.Row row : model.rows()) {
      Region marker = new Region();
      marker
          .getStyleClass()
          .addAll(
              "marker", "marker-" + row.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      if (row.kind().isFailure()) {
        marker.getStyleClass().add("marker-failure");
      }
      marker.setPrefSize(10, 10);
      marker.resize(10, 10);
      marker.relocate(LEFT + width * Math.min(1, row.offset() / length) - 5, lane(row.kind()));
      Tooltip.install(marker, new Tooltip(row.text()));
      chart.getChildren().add(marker);
    }
    moveCursor();
  }

  /** Lane names on the left, and a time axis (seconds of virtual time) along the bottom. */
  private void drawAxis(double length, double width) {
    String[][] lanes = {
      {"callbacks", "12"},
      {"token", "36"},
      {"joins/renewals", "52"},
      {"failures", "92"},
      {"other", "122"}
    };
    for (String[] lane : lanes) {
      Label name = new Label(lane[0]);
      name.getStyleClass().addAll("legend", "lane-label");
      name.relocate(4, Double.parseDouble(lane[1]));
      chart.getChildren().add(name);
    }
    double step = niceStep(length / 8);
    for (double t = 0; t <= length + 1e-9; t += step) {
      double x = LEFT + width * t / length;
      javafx.scene.shape.Line tick = new javafx.scene.shape.Line(x, 140, x, 146);
      tick.getStyleClass().add("axis-tick");
      Label at = new Label(String.format(Locale.ROOT, t == Math.rint(t) ? "%.0f s" : "%.1f s", t));
      at.getStyleClass().addAll("legend", "axis-label");
      at.relocate(x - 10, 146);
      chart.getChildren().addAll(tick, at);
    }
  }

  /** 1, 2, 5, 10, 20, 50… seconds: a tick step a reader can add up. */
  static double niceStep(double rough) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(rough, 1e-3))));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (rough <= m * magnitude) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  /**
   * One bar per token lifetime: from the join or renewal that put the token in effect to the next
   * one, or to the token's (or join privilege's) expiry if that comes first, drawn red.
   */
  private void drawLifetimes(double length, double width) {
    for (LabViewModel.Lifetime life : LabViewModel.lifetimes(model.rows(), length)) {
      Region bar = new Region();
      bar.getStyleClass()
          .addAll("lifetime-bar", life.ranOut() ? "lifetime-expired" : "lifetime-renewed");
      double x = LEFT + width * Math.min(1, life.from() / length);
      double w = Math.max(2, width * Math.max(0, life.to() - life.from()) / length);
      bar.setPrefSize(w, 8);
      bar.resize(w, 8);
      bar.relocate(x, 40);
      Tooltip.install(
          bar,
          new Tooltip(
              String.format(
                  Locale.ROOT,
                  "token in effect +%.1f s → %s at +%.1f s",
                  life.from(),
                  life.how(),
                  life.to())));
      chart.getChildren().add(bar);
    }
  }

  private static final class SdkCell extends ListCell<SdkProfile> {
    @Override
    protected void updateItem(SdkProfile p, boolean empty) {
      super.updateItem(p, empty);
      setText(empty ? null : p == null ? "Preset's SDK" : p.label());
    }
  }

  private static final class TriggerCell extends ListCell<RenewalPolicy.Trigger> {
    @Override
    protected void updateItem(RenewalPolicy.Trigger t, boolean empty) {
      super.updateItem(t, empty);
      setText(empty ? null : t == null ? "Preset's policy" : "Renew on " + t);
    }
  }

  private void moveCursor() {
    double length = Math.max(1, model.runLengthProperty().get());
    double x =
        LEFT
            + Math.max(1, chart.getWidth() - LEFT - 8)
                * Math.min(1, model.nowProperty().get() / length);
    cursor.setStartX(x);
    cursor.setEndX(x);
    cursor.setStartY(4);
    cursor.setEndY(Math.max(20, chart.getHeight() - 4));
  }

  /** Rows of the chart: callbacks on top, token traffic in the middle, failures below. */
  private static double lane(EventKind kind) {
    switch (kind) {
      case WILL_EXPIRE:
      case REQUEST_TOKEN:
        return 16;
      case JOINED:
      case REJOINED:
      case RENEWED:
      case READY:
      case TOKEN_ISSUED:
        return 56;
      default:
        return kind.isFailure() ? 96 : 126;
    }
  }

  private static final class PresetCell extends ListCell<QaPreset> {
    @Override
    protected void updateItem(QaPreset p, boolean empty) {
      super.updateItem(p, empty);
      setText(empty || p == null ? null : p.title());
    }
  }
}
