package dev.tokensandbox.desktop.cli;

import dev.tokensandbox.client.presets.Presets;
import dev.tokensandbox.client.presets.QaPreset;
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
final class PresetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command: list or run");
  }

  @Command(name = "list", description = "Lists the presets: id and title.")
  static final class ListPresets implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PresetCli.list(spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(name = "run", description = "Runs the presets named, or every preset with --all.")
  static final class RunPresets implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--all", description = "Run every preset.")
    boolean all;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Preset ids (`preset list`).")
    List<String> ids = new ArrayList<>();

    @Override
    public Integer call() {
      List<QaPreset> chosen = new ArrayList<>();
      if (all == !ids.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "Name preset ids or --all (not both)");
      }
      if (all) {
        chosen.addAll(Presets.all());
      }
      for (String id : ids) {
        Optional<QaPreset> p = Presets.byId(id);
        if (p.isEmpty()) {
          throw new ParameterException(
              spec.commandLine(), "unknown preset \"" + id + "\"; `preset list` shows the ids");
        }
        chosen.add(p.get());
      }
      return PresetCli.run(chosen, spec.commandLine().getOut());
    }
  }
}
