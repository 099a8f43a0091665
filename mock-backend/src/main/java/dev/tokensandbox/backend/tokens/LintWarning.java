package dev.tokensandbox.backend.tokens;

/** One lint finding: a stable code, its severity, what was found and how to fix it. */
public record LintWarning(LintCode code, String message) {

  public LintCode.Severity severity() {
    return code.severity();
  }

  public String fix() {
    return code.fix();
  }
}
