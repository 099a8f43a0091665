package dev.tokensandbox.client.presets;

import dev.tokensandbox.client.session.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What a preset run produced and whether it matched the expected timeline. */
public record PresetResult(
    QaPreset preset, Instant start, List<TimelineEvent> events, List<String> failures) {

  public boolean passed() {
    return failures.isEmpty();
  }

  /** Every expectation of the preset with whether it held. */
  public List<TimelineMatcher.Check> checks() {
    return TimelineMatcher.checks(events, preset.expected(), start);
  }

  /** Seconds after the start, millisecond exact. */
  public double offset(TimelineEvent e) {
    return Duration.between(start, e.at()).toMillis() / 1000.0;
  }

  /** The timeline as text, one event a line, then the verdict. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(preset.id()).append(" — ").append(preset.title()).append('\n');
    for (TimelineEvent e : events) {
      out.append(
          String.format(Locale.ROOT, "  +%9.3f s  %-16s %s%n", offset(e), e.kind(), e.detail()));
    }
    if (passed()) {
      out.append("PASS: the timeline matches ")
          .append(preset.expected().size())
          .append(" expectations\n");
    } else {
      for (String f : failures) {
        out.append("FAIL: ").append(f).append('\n');
      }
    }
    return out.toString();
  }
}
