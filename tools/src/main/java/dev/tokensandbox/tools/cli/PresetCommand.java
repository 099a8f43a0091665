package dev.tokensandbox.tools.cli;

import dev.tokensandbox.client.presets.Presets;
import dev.tokensandbox.client.presets.QaPreset;
import dev.tokensandbox.client.presets.SavedScenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code preset list} and {@code preset run ID… | --all} (see {@link PresetCli}). */
@Command(
    name = "preset",
    mixinStandardHelpOptions = true,
    description =
        "Runs QA presets headless against an embedded mock backend in virtual time and prints"
            + " each timeline with its verdict (exit 0: every run matched, 1: one did not).",
    subcommands = {PresetCommand.ListPresets.class, PresetCommand.RunPresets.class})
public final class PresetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command: list or run");
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the presets: id and title.")
  public static final class ListPresets implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PresetCli.list(spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description =
          "Runs the presets named (ids, or scenario files the desktop saved: their lab preset),"
              + " or every preset with --all.")
  public static class RunPresets implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--all", description = "Run every preset.")
    boolean all;

    @Option(
        names = "--junit",
        paramLabel = "FILE.xml",
        description = "Also write a JUnit XML report: a test case per preset.")
    Path junit;

    @Parameters(
        paramLabel = "ID|SCENARIO.json",
        arity = "0..*",
        description = "Preset ids (`preset list`) or saved scenario files.")
    List<String> ids = new ArrayList<>();

    @Override
    public Integer call() {
      List<PresetCli.Named> chosen = new ArrayList<>();
      if (all == !ids.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "Name preset ids or --all (not both)");
      }
      if (all) {
        Presets.all().forEach(p -> chosen.add(PresetCli.Named.of(p)));
      }
      for (String id : ids) {
        chosen.add(resolve(id));
      }
      try {
        return PresetCli.runNamed(chosen, spec.commandLine().getOut(), junit);
      } catch (IOException e) {
        throw new ParameterException(
            spec.commandLine(), "--junit: cannot write " + junit + ": " + e.getMessage());
      }
    }

    /** A preset by id, or a saved scenario's preset named after the file and its what-if. */
    private PresetCli.Named resolve(String id) {
      Optional<QaPreset> p = Presets.byId(id);
      if (p.isPresent()) {
        return PresetCli.Named.of(p.get());
      }
      Path file = Path.of(id);
      if (!id.endsWith(".json") && !Files.isRegularFile(file)) {
        throw new ParameterException(
            spec.commandLine(), "unknown preset \"" + id + "\"; `preset list` shows the ids");
      }
      try {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        Optional<String> wrong = ScenarioSchema.problem(json);
        if (wrong.isPresent()) {
          throw new ParameterException(spec.commandLine(), id + ": " + wrong.get());
        }
        dev.tokensandbox.client.presets.Scenario scenario =
            dev.tokensandbox.client.presets.ScenarioFile.read(json);
        QaPreset preset = SavedScenario.labPreset(scenario);
        String whatIf = SavedScenario.whatIfText(scenario);
        return new PresetCli.Named(
            file.getFileName() + " (" + preset.id() + (whatIf.isEmpty() ? "" : ", " + whatIf) + ")",
            preset);
      } catch (IOException e) {
        throw new ParameterException(spec.commandLine(), "cannot read the scenario " + id);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), id + ": " + e.getMessage());
      }
    }
  }

  /** {@code run-preset …}: the same as {@code preset run …}, at the top level. */
  @Command(
      name = "run-preset",
      mixinStandardHelpOptions = true,
      description =
          "Runs QA presets or saved scenarios headless and prints each verdict (exit 0: all"
              + " matched, 1: one did not, 2: bad usage).")
  public static final class RunPresetTopLevel extends RunPresets {}
}
