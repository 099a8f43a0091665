package dev.tokensandbox.tools.check;

import java.util.List;

/**
 * One check of the contract: what was checked, the request that shows it ({@code GET /path → 200},
 * with no credential), and what was found wrong, each with its fix. Passed when nothing was found;
 * {@code note} says why a step did not run (skipped).
 */
public record CheckStep(String name, String request, List<Finding> findings, String note) {

  public CheckStep {
    findings = List.copyOf(findings);
  }

  public boolean passed() {
    return findings.isEmpty();
  }

  public boolean skipped() {
    return note != null && findings.isEmpty();
  }

  /**
   * A defect: what is wrong and how to fix it. {@code cause} names the defect itself (a lint code,
   * {@code lifetime}, {@code cached} …): the report lists each cause once, with every check that
   * showed it, so one bug is one finding however many tokens carry it.
   */
  public record Finding(String problem, String fix, String cause) {
    /** A finding that is its own cause. */
    public Finding(String problem, String fix) {
      this(problem, fix, problem);
    }
  }
}
