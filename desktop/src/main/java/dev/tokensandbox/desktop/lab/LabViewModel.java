package dev.tokensandbox.desktop.lab;

import dev.tokensandbox.client.presets.PresetResult;
import dev.tokensandbox.client.presets.Presets;
import dev.tokensandbox.client.presets.QaPreset;
import dev.tokensandbox.client.session.EventKind;
import dev.tokensandbox.client.session.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Expiry lab: the presets, the one chosen, the running device's timeline (as rows the
 * chart and the log bind to), virtual time and speed, and the verdict. Commands go to the {@link
 * LabRuntime}; its reports come back through {@code ui} (the FX thread in the app).
 */
public final class LabViewModel implements LabRuntime.Listener {
  /** One timeline row: seconds after the run's start, what, and the detail. */
  public record Row(double offset, EventKind kind, String detail) {
    public String text() {
      return String.format(Locale.ROOT, "+%8.3f s  %-15s %s", offset, kind, detail);
    }
  }

  private final Executor ui;
  private LabRuntime runtime;
  private final ObservableList<QaPreset> presets = FXCollections.observableArrayList(Presets.all());
  private final ObjectProperty<QaPreset> selected =
      new SimpleObjectProperty<>(this, "selected", Presets.all().get(0));
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper(this, "time", "paused");
  private final ReadOnlyStringWrapper verdict =
      new ReadOnlyStringWrapper(this, "verdict", "Choose a preset and run it.");
  private final ReadOnlyDoubleWrapper runLength = new ReadOnlyDoubleWrapper(this, "runLength", 1);
  private final ReadOnlyDoubleWrapper now = new ReadOnlyDoubleWrapper(this, "now", 0);
  private Instant start;
  private final javafx.beans.property.ReadOnlyBooleanWrapper ready =
      new javafx.beans.property.ReadOnlyBooleanWrapper(this, "ready");

  public LabViewModel(Executor ui) {
    this.ui = ui;
  }

  /** Connects the runtime (created with this view-model as its listener). */
  public void attach(LabRuntime runtime) {
    this.runtime = runtime;
    ready.set(true);
    if (verdict.get().startsWith("Starting")) {
      verdict.set("Choose a preset and run it.");
    }
  }

  /** True once the lab's own backend is up (it starts in the background). */
  public javafx.beans.property.ReadOnlyBooleanProperty readyProperty() {
    return ready.getReadOnlyProperty();
  }

  public ObservableList<QaPreset> presets() {
    return presets;
  }

  public ObjectProperty<QaPreset> selectedProperty() {
    return selected;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public ReadOnlyStringProperty timeProperty() {
    return time.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty verdictProperty() {
    return verdict.getReadOnlyProperty();
  }

  /** The run's length in seconds (the chart's width). */
  public ReadOnlyDoubleProperty runLengthProperty() {
    return runLength.getReadOnlyProperty();
  }

  /** Seconds since the run started (the chart's cursor). */
  public ReadOnlyDoubleProperty nowProperty() {
    return now.getReadOnlyProperty();
  }

  /** The lab's rows as text lines (bug reports). */
  public List<String> lines() {
    return rows.stream().map(Row::text).toList();
  }

  public void run(double speed) {
    QaPreset preset = selected.get();
    if (preset != null && runtime != null) {
      runtime.run(preset, speed);
    }
  }

  public void play(double speed) {
    if (runtime != null) {
      runtime.play(speed);
    }
  }

  public void pause() {
    if (runtime != null) {
      runtime.pause();
    }
  }

  public void nextEvent() {
    if (runtime != null) {
      runtime.jumpToNextEvent();
    }
  }

  @Override
  public void started(QaPreset preset, Instant at) {
    ui.execute(
        () -> {
          start = at;
          rows.clear();
          runLength.set(preset.runFor().toMillis() / 1000.0);
          verdict.set("Running " + preset.id() + ": " + preset.description());
        });
  }

  @Override
  public void event(TimelineEvent e) {
    ui.execute(() -> rows.add(new Row(seconds(e.at()), e.kind(), e.detail())));
  }

  @Override
  public void finished(PresetResult result) {
    String text =
        result.passed()
            ? "PASS — "
                + result.preset().title()
                + ": the timeline matches all "
                + result.preset().expected().size()
                + " expectations"
            : "FAIL — " + String.join("; ", result.failures());
    ui.execute(() -> verdict.set(text));
  }

  @Override
  public void time(Instant virtualNow, double speed) {
    ui.execute(
        () -> {
          double t = start == null ? 0 : seconds(virtualNow);
          now.set(t);
          time.set(
              String.format(Locale.ROOT, "+%.1f s  ", t)
                  + (speed == 0 ? "paused" : String.format(Locale.ROOT, "%.0f×", speed)));
        });
  }

  private double seconds(Instant at) {
    return start == null ? 0 : Duration.between(start, at).toMillis() / 1000.0;
  }
}
